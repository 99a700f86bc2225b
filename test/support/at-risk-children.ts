import { database, freshNationalId, gqlData, PARENTS_AWAY } from './system';

/**
 * Helpers for the children-at-risk suites: a child registered through the API with what the test
 * needs, and dates as the registry's database counts them (its current_date), so a rule's edge is
 * tested on the day the database says it is.
 */

const REGISTER = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id version } } }`;

/** Registers a left-behind child of 萧县 (overrides replace any field) and returns its id. */
export async function registerChild(overrides: Record<string, unknown> = {}): Promise<string> {
  const identity = freshNationalId();
  const { nationalId: _ignored, ...withoutId } = identity;
  const data = await gqlData(REGISTER, {
    input: { name: '困境测试', ...withoutId, householdRegionCode: '341322', residenceRegionCode: '341322', ...PARENTS_AWAY, ...overrides },
  });
  return data.registerChild.child.id;
}

/** The value of one SQL expression in the registry's database, e.g. `current_date - interval '3 months'`, as text. */
export async function registryValue(expression: string): Promise<string> {
  const owner = await database('civil-affairs');
  try {
    return (await owner.query(`SELECT (${expression})::text AS value`)).rows[0].value;
  } finally {
    await owner.end();
  }
}

/** A date in the registry's calendar: `registryDate("current_date - interval '16 years' + 1")`. */
export const registryDate = (expression: string) => registryValue(`(${expression})::date`);

/** A category that holds today, keeping a child in the registry whatever its parents' facts. */
export const LOW_INCOME = { category: 'LOW_INCOME_FAMILY', basis: '低保证 341322-0001', source: 'MINIMUM_LIVING_RECORDS', startsOn: '2025-01-01' };

/** Runs SQL as the registry's owner (inspecting storage, or letting time pass on a date). */
export async function asRegistryOwner<T>(work: (client: Awaited<ReturnType<typeof database>>) => Promise<T>): Promise<T> {
  const owner = await database('civil-affairs');
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

/** A page of a working list as the API returns it. */
interface WorkingListPage {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every item of a working list, paged through, and the count the list gives of itself. `list` is
 * the root field with its arguments other than paging, e.g. `protectionReports(status: FILED)`.
 */
export async function wholeList(
  list: string,
  options: { variables?: Record<string, unknown>; variableTypes?: string; token?: string; purpose?: string } = {},
): Promise<{ ids: string[]; totalCount: number }> {
  const field = list.replace(/\(.*$/, '');
  const args = list.includes('(') ? `${list.slice(list.indexOf('(') + 1, -1)}, ` : '';
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount: number;
  do {
    const data: Record<string, WorkingListPage> = await gqlData(
      `query ($after: String${options.variableTypes ?? ''}) { ${field}(${args}first: 100, after: $after) {
         totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { ...options.variables, after },
      options.token,
      options.purpose,
    );
    const page: WorkingListPage = data[field];
    ids.push(...page.edges.map((edge) => edge.node.id));
    totalCount = page.totalCount;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { ids, totalCount };
}

/** Whether the child is on the working list, checking on the way that the list's count is its length. */
export async function isOnList(list: string, id: string): Promise<boolean> {
  const { ids, totalCount } = await wholeList(list);
  if (totalCount !== ids.length) throw new Error(`${list} counts ${totalCount} but lists ${ids.length}`);
  return ids.includes(id);
}
