import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY } from '../demo/counties';
import { demoPrincipals } from '../demo/principals';
import { registerChild } from './support/at-risk-children';
import { ADMIN, database, gql, gqlData, tokenFor } from './support/system';

/**
 * Issue 14, "rows scale with the page": a token whose jurisdiction is whole counties has its
 * `children` pages read county by county in id order (child.repository.ts, migration 1764700200000)
 * instead of one statement walking the registry. These check that the pages so read hold exactly
 * the children the read policy reaches, in order, each once, through the gateway: by residence, by
 * household only, and in the caller's charge outside its counties; and nobody else's.
 */
const NEIGHBOUR = '341321';
const TOWNSHIP = demoPrincipals(2026)['township-child-supervisor'].jurisdiction[0]!;
const PAGE = `query ($after: String, $prefix: String) {
  children(first: 25, after: $after, filter: { regionPrefix: $prefix }) { pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;
const REGISTER_WORKER = `mutation ($input: RegisterCareWorkerInput!) { registerCareWorker(input: $input) { id } }`;
const ASSIGN = `mutation ($id: ID!, $v: Int!, $d: ID) { assignCareWorkers(childId: $id, expectedVersion: $v, childDirectorId: $d) { version } }`;

/** A token of every scope over these counties alone, for a user of its own. */
const countyToken = (jurisdiction: string[], sub = `test:county-page-${randomUUID()}`) => tokenFor({ ...ADMIN, sub, jurisdiction });

/** Every page of the list, to its end: the ids in the order given. */
async function allPages(token: string, prefix: string | null = null): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } = (
      await gqlData(PAGE, { after, prefix }, token)
    ).children;
    ids.push(...page.edges.map((edge) => edge.node.id));
    after = page.pageInfo.endCursor;
    more = page.pageInfo.hasNextPage;
  }
  return ids;
}

/** The children the area rule reaches for these counties (household or residence), as the owner reads the registry, in id order. */
async function byAreaRule(counties: string[]): Promise<string[]> {
  const owner = await database('civil-affairs');
  try {
    const { rows } = await owner.query(
      `SELECT id FROM child WHERE left(coalesce(household_village_code, household_township_code, household_region_code), 6) = ANY ($1)
                               OR left(coalesce(residence_village_code, residence_township_code, residence_region_code), 6) = ANY ($1) ORDER BY id`,
      [counties],
    );
    return rows.map((row: { id: string }) => row.id);
  } finally {
    await owner.end();
  }
}

/** Ids sorted as PostgreSQL sorts uuids (by their hex digits). */
const sorted = (ids: string[]) => [...ids].sort();

describe('a county token’s pages of children', () => {
  it.each([
    ['one county', [DEMO_COUNTY]],
    ['two counties', [DEMO_COUNTY, NEIGHBOUR]],
    ['the same county twice', [DEMO_COUNTY, DEMO_COUNTY]],
  ])('hold exactly the children the area rule reaches, in id order, each once: %s', async (_label, counties) => {
    // A child registered in one county and living in the other: reached from both, listed once.
    await registerChild({ householdRegionCode: DEMO_COUNTY, residenceRegionCode: NEIGHBOUR });
    const listed = await allPages(await countyToken(counties));
    const expected = await byAreaRule([...new Set(counties)]);
    // More than one page, so the cursor carries the arms across pages.
    expect(listed.length).toBeGreaterThan(25);
    expect(listed).toEqual(sorted(listed));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expected);
  });

  it('include a child registered in the county who lives elsewhere, and none who only lives there', async () => {
    const registeredHere = await registerChild({ householdRegionCode: DEMO_COUNTY, residenceRegionCode: NEIGHBOUR });
    const neighbours = await registerChild({ householdRegionCode: NEIGHBOUR, residenceRegionCode: NEIGHBOUR });
    const living = await allPages(await countyToken([DEMO_COUNTY]), NEIGHBOUR);
    expect(living).toContain(registeredHere);
    expect(living).not.toContain(neighbours);
    expect(living).toEqual((await byAreaRule([DEMO_COUNTY])).filter((id) => living.includes(id)));
    // The neighbour's own token reaches both, the county's reaches only the one registered there.
    const theirs = await allPages(await countyToken([NEIGHBOUR]), NEIGHBOUR);
    expect(theirs).toEqual(expect.arrayContaining([registeredHere, neighbours]));
  });

  it('include a child of another county in the caller’s charge, only while it is', async () => {
    const subject = `test:county-page-worker-${randomUUID()}`;
    const worker = (
      await gqlData(REGISTER_WORKER, {
        input: { role: 'CHILD_DIRECTOR', name: '县页测试', townshipCode: TOWNSHIP, villageCode: `${TOWNSHIP}397`, villageName: '测试村', subject },
      })
    ).registerCareWorker;
    const elsewhere = await registerChild({ householdRegionCode: NEIGHBOUR, residenceRegionCode: NEIGHBOUR });
    const token = await countyToken([DEMO_COUNTY], subject);
    expect(await allPages(token, NEIGHBOUR)).not.toContain(elsewhere);

    expect((await gqlData(ASSIGN, { id: elsewhere, v: 1, d: worker.id })).assignCareWorkers.version).toBe(2);
    const inCharge = await allPages(token, NEIGHBOUR);
    expect(inCharge.filter((id) => id === elsewhere)).toHaveLength(1);
    expect(inCharge).toEqual(sorted(inCharge));
    // Another user of the same county does not reach it.
    expect(await allPages(await countyToken([DEMO_COUNTY]), NEIGHBOUR)).not.toContain(elsewhere);

    await gqlData(ASSIGN, { id: elsewhere, v: 2, d: null });
    expect(await allPages(token, NEIGHBOUR)).not.toContain(elsewhere);
  });

  it('follow a child who moves: its stored county changes with its residence', async () => {
    const mover = await registerChild({ householdRegionCode: NEIGHBOUR, residenceRegionCode: DEMO_COUNTY });
    const token = await countyToken([DEMO_COUNTY]);
    expect(await allPages(token, DEMO_COUNTY)).toContain(mover);
    const moved = await gqlData(
      `mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { residenceRegionCode: "${NEIGHBOUR}" }) { version } }`,
      { id: mover },
    );
    expect(moved.updateChild.version).toBe(2);
    expect(await allPages(token)).not.toContain(mover);
    expect(await allPages(await countyToken([NEIGHBOUR]), NEIGHBOUR)).toContain(mover);
  });

  it('are the holder’s alone: a cursor of this list is refused to another county’s user', async () => {
    const token = await countyToken([DEMO_COUNTY]);
    const first = (await gqlData(PAGE, { after: null, prefix: null }, token)).children.pageInfo.endCursor as string;
    const response = await gql(PAGE, { after: first, prefix: null }, await countyToken([NEIGHBOUR]));
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['INVALID_CURSOR']);
  });
});
