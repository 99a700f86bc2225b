import { DEMO_COUNTY, demoPrincipals } from '../../demo/principals';
import { generateDemoSchools } from '../../demo/generator';
import type { Principal } from '../../platform/principal';
import type { SubgraphName } from '../../platform/subgraphs';
import type { RoleName } from '../../schema/roles';
import { registryDate } from './at-risk-children';
import { database, freshNationalId, gql, gqlData, signedPost, system, tokenFor, waitFor, waitForRegistryFeed, type GraphQLResponse } from './system';

/** Test children of the demo county: registered, enrolled and cared for as a test needs, through the API. */

export const principals = demoPrincipals(2026);
/** The demo county's first school (the school staff's demo tokens name it) and another one of the county. */
const countySchools = generateDemoSchools(2026).filter((school) => school.regionCode === DEMO_COUNTY);
export const SCHOOL_A = countySchools[0].id;
export const SCHOOL_B = countySchools[1].id;

/** The date `days` days before today (negative: after), YYYY-MM-DD in UTC, as the services count. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);

/** A query as a demo role, stating the role's first purpose. */
export function asRole(role: RoleName, query: string, variables: Record<string, unknown> = {}) {
  return gql(query, variables, system.tokens[role], principals[role].purposes[0]);
}

/** A query as a principal of one's own (a teacher of another school, say), stating its first purpose. */
export async function asPrincipal(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  return gql(query, variables, await tokenFor(principal), principal.purposes[0]);
}

/** The care teacher role, at another school. */
export function teacherAt(schoolId: string, sub = `test:teacher:${schoolId}`): Principal {
  return { ...principals['school-care-teacher'], sub, schools: [schoolId] };
}

/** Registers a child of the demo county (left-behind unless told otherwise) and waits until the other agencies' copies hold it. */
export async function registerChild(
  options: { leftBehind?: boolean; birthDate?: string; name?: string; place?: { county: string; township: string } } = {},
): Promise<string> {
  const identity = freshNationalId();
  const away = daysAgo(400);
  const birthDate = options.birthDate ?? identity.birthDate;
  const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: options.name ?? '测试儿童',
      gender: identity.gender,
      birthDate,
      ...(options.birthDate ? {} : { nationalId: identity.nationalId }),
      householdRegionCode: options.place?.county ?? DEMO_COUNTY,
      residenceRegionCode: options.place?.county ?? DEMO_COUNTY,
      ...(options.place ? { residenceTownshipCode: options.place.township } : {}),
      // Registration needs a reason (issue 11): a child who is not left behind is filed under a
      // difficult-circumstance category, which is then ended (below).
      ...(options.leftBehind === false
        ? { difficultCircumstances: [{ category: 'LOW_INCOME_FAMILY', basis: '低保证 测试', source: 'MINIMUM_LIVING_RECORDS', startsOn: daysAgo(400) }] }
        : { father: { awaySince: away }, mother: { awaySince: away } }),
    },
  });
  const childId: string = data.registerChild.child.id;
  await waitForRegistryFeed(childId);
  if (options.leftBehind === false) await endCategories(childId);
  return childId;
}

/**
 * Ends the child's difficult-circumstance categories yesterday, as a review that finds it no longer
 * qualifies would: the child stays in the registry, neither left-behind nor in difficulty, and the
 * other agencies' copies say so once this returns.
 */
async function endCategories(childId: string): Promise<void> {
  const { child } = await gqlData(`query ($id: ID!) { child(id: $id) { difficultCircumstances { id version } } }`, { id: childId });
  const yesterday = await registryDate('current_date - 1');
  for (const category of child.difficultCircumstances as { id: string; version: number }[]) {
    await gqlData(
      `mutation ($id: ID!, $v: Int!, $on: LocalDate!) { endDifficultCircumstance(id: $id, expectedVersion: $v, endsOn: $on, reason: "测试：不再符合") { id } }`,
      { id: category.id, v: category.version, on: yesterday },
    );
  }
  for (const subgraph of ['education', 'womens-federation'] as const) {
    const owner = await database(subgraph);
    try {
      await waitFor(
        async () => (await owner.query(`SELECT in_difficulty FROM registry_feed.child WHERE child_id = $1`, [childId])).rows[0]?.in_difficulty === false,
      );
    } finally {
      await owner.end();
    }
  }
}

/** Enrols the child (as an administrator), from `enrolledOn` (60 days ago by default); returns the enrolment. */
export async function enrol(childId: string, schoolId = SCHOOL_A, options: { enrolledOn?: string; boarding?: boolean } = {}) {
  const data = await gqlData(`mutation ($input: EnrolInput!) { enrol(input: $input) { id version status } }`, {
    input: { childId, schoolId, grade: 5, enrolledOn: options.enrolledOn ?? daysAgo(60), boarding: options.boarding ?? false },
  });
  return data.enrol as { id: string; version: number; status: string };
}

/** A registered, enrolled left-behind pupil of school A. */
export async function pupil(options: { leftBehind?: boolean; boarding?: boolean; schoolId?: string } = {}): Promise<string> {
  const childId = await registerChild(options);
  await enrol(childId, options.schoolId ?? SCHOOL_A, { boarding: options.boarding });
  return childId;
}

/** Waits until civil affairs shows the child to the role (the enrolment set has reached it). */
export async function whenVisibleTo(role: RoleName, childId: string): Promise<void> {
  await waitFor(async () => !(await asRole(role, `query ($id: ID!) { child(id: $id) { id } }`, { id: childId })).body.errors);
}

/** Calls a subgraph directly with the gateway's signed internal token for a principal: the `_entities` path. */
export async function entities(subgraph: SubgraphName, principal: Principal, representations: object[], selection: string, purpose = principal.purposes[0]) {
  return signedPost(subgraph, principal, purpose, {
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
    variables: { r: representations },
  });
}
