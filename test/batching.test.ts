import type { SubgraphName } from '../platform/subgraphs';
import { gqlData, statementCount } from './support/system';

const PAGE_QUERY = `query ($first: Int!, $after: String) {
  children(first: $first, after: $after) {
    edges { node {
      id name age nationalId
      classification { type isLeftBehind }
      father { name awaySince } mother { name }
      guardianship { form }
      enrolment { grade school { name } }
      careResponsiblePerson { teacherName }
      talks(last: 3) { heldOn }
      talkOverdue
      pairings { helperName programme { name partner { name } } }
    } }
  }
}`;

const SUBGRAPH_NAMES: SubgraphName[] = ['civil-affairs', 'education', 'womens-federation'];

/** Every record list the school's and the federation's work adds to a child. */
const WORK_QUERY = `query ($first: Int!, $after: String) {
  children(first: $first, after: $after) {
    edges { node {
      id
      absences { absentOn excused } dropoutCase { cause closedOn } homeVisits { kind } academicSupport { tutor } boardingLeaves { reason }
      aid { kind amount } fileChecks { checkedOn inSweepWindow } enrolmentNotices { issuedOn } wellbeingScreenings { riskLevel contactDueBy }
      wellbeingInterventions { kind } parentContacts { arrangedBy } activityAttendance { attendee } pairings { helperOccupation endReason }
    } }
  }
}`;

/**
 * Where the measured pages start: just before a demo child with an enrolment and a pairing, so that
 * a page of 10 reaches every loader a page of 100 does (the suite's own children, made by other
 * tests, have neither).
 */
let pagesStart: string | null = null;

beforeAll(async () => {
  const data = await gqlData(`{ children(first: 100) { edges { cursor node { id enrolment { id } pairings { id } } } } }`);
  const edges: { cursor: string; node: { enrolment: unknown; pairings: unknown[] } }[] = data.children.edges;
  const index = edges.findIndex((edge, position) => position > 0 && edge.node.enrolment && edge.node.pairings.length > 0);
  pagesStart = edges[index - 1].cursor;
});

async function statementsFor(first: number, query = PAGE_QUERY): Promise<Record<SubgraphName, number>> {
  const before = await Promise.all(SUBGRAPH_NAMES.map(statementCount));
  const data = await gqlData(query, { first, after: pagesStart });
  expect(data.children.edges).toHaveLength(first);
  const after = await Promise.all(SUBGRAPH_NAMES.map(statementCount));
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, after[index] - before[index]])) as Record<SubgraphName, number>;
}

/** DESIGN 6.6: a list query costs a fixed number of SQL statements per subgraph, whatever its length. */
describe('entity batching', () => {
  it('a page of 100 children costs the same SQL statements per subgraph as a page of 50', async () => {
    // The smaller page must still hold an enrolled and a paired child (or the loaders behind them
    // never run): the suite's other tests register many children with neither, so not 10.
    const ten = await statementsFor(50);
    const hundred = await statementsFor(100);
    expect(hundred).toEqual(ten);
    // And the fixed number is small: one statement per loader the query touches, plus two round
    // trips for each call (the internal token's claim with BEGIN and the row scope; the access-log
    // append with COMMIT) in each subgraph the plan calls once.
    const framing = 2;
    expect(ten['civil-affairs']).toBeLessThanOrEqual(4 + framing);
    expect(ten.education).toBeLessThanOrEqual(6 + framing);
    expect(ten['womens-federation']).toBeLessThanOrEqual(3 + framing);
    for (const name of SUBGRAPH_NAMES) expect(ten[name]).toBeGreaterThan(0);
  });

  it('so does a page with every record list of the school’s and the federation’s work', async () => {
    const ten = await statementsFor(10, WORK_QUERY);
    expect(await statementsFor(100, WORK_QUERY)).toEqual(ten);
    // One statement per list (the education lists are ten), plus the call's two round trips (the
    // internal token's claim with BEGIN and the row scope; the access-log append with COMMIT).
    expect(ten.education).toBeLessThanOrEqual(10 + 2);
  });

  it('pages follow each other without gaps or repeats', async () => {
    const first = await gqlData(`{ children(first: 40) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    const second = await gqlData(`query ($after: String) { children(first: 40, after: $after) { edges { node { id } } } }`, {
      after: first.children.pageInfo.endCursor,
    });
    const all = await gqlData(`{ children(first: 80) { edges { node { id } } } }`);
    expect(first.children.pageInfo.hasNextPage).toBe(true);
    const ids = [...first.children.edges, ...second.children.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual(all.children.edges.map((edge: { node: { id: string } }) => edge.node.id));
  });
});
