import type { SubgraphName } from '../platform/subgraphs';
import { gqlData, statementCount } from './support/system';

const PAGE_QUERY = `query ($first: Int!) {
  children(first: $first) {
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

async function statementsFor(first: number): Promise<Record<SubgraphName, number>> {
  const before = await Promise.all(SUBGRAPH_NAMES.map(statementCount));
  const data = await gqlData(PAGE_QUERY, { first });
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
    // And the fixed number is small: one statement per loader the query touches, plus three for
    // the request's transaction (begin, row scope, commit) in each subgraph the plan calls once.
    const framing = 3;
    expect(ten['civil-affairs']).toBeLessThanOrEqual(5 + framing);
    expect(ten.education).toBeLessThanOrEqual(7 + framing);
    expect(ten['womens-federation']).toBeLessThanOrEqual(4 + framing);
    for (const name of SUBGRAPH_NAMES) expect(ten[name]).toBeGreaterThan(0);
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
