import type { Principal } from '../platform/principal';
import { principals, teacherAt, SCHOOL_A, SCHOOL_B } from './support/children';
import { gql, tokenFor, type GraphQLResponse } from './support/system';

/**
 * Issue 14: the gateway never shares one subgraph answer between principals. Two users' identical
 * operations make byte-identical subgraph requests but for the signed token (Hive Gateway's
 * upstream de-duplication would merge them before per-request headers are added): sent at the same
 * moment, again and again, each must still get exactly its own answer.
 */
const PAGE = `{ children(first: 10) { edges { node { id name residenceRegionCode householdRegionCode enrolment { grade school { id } } pairings { id } } } } }`;
const NEIGHBOUR_COUNTY = '360731';

type Page = {
  children: { edges: { node: { id: string; residenceRegionCode: string; householdRegionCode: string; enrolment: { school: { id: string } } | null } }[] };
};

async function ask(principal: Principal, token: string): Promise<Page> {
  const response: GraphQLResponse<Page> = await gql(PAGE, {}, token, principal.purposes[0]);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

/** Each principal's answer alone, then both asked at once many times over: every answer must be the one asked alone. */
async function expectOwnAnswers(first: Principal, second: Principal): Promise<[Page, Page]> {
  const [firstToken, secondToken] = await Promise.all([tokenFor(first), tokenFor(second)]);
  const alone = [await ask(first, firstToken), await ask(second, secondToken)] as const;
  // The two answers differ, or the test could not tell one from the other.
  expect(alone[0]).not.toEqual(alone[1]);
  const together = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? ask(first, firstToken) : ask(second, secondToken))));
  together.forEach((answer, index) => expect(answer).toEqual(alone[index % 2]));
  return [alone[0], alone[1]];
}

describe('no subgraph answer is shared between principals', () => {
  it('gives two counties’ case workers, asking the same at the same moment, each its own county’s children', async () => {
    const caseWorker = principals['civil-affairs-case-worker'];
    const neighbour: Principal = { ...caseWorker, sub: `test:case-worker-${NEIGHBOUR_COUNTY}`, jurisdiction: [NEIGHBOUR_COUNTY] };
    const [own, theirs] = await expectOwnAnswers(caseWorker, neighbour);
    expect(own.children.edges.length).toBeGreaterThan(0);
    expect(theirs.children.edges.length).toBeGreaterThan(0);
    // The demo county's case worker also reaches children registered there who live elsewhere, or put
    // in its charge by other tests, so its page is checked against the neighbour's: no child in both.
    const ownIds = new Set(own.children.edges.map(({ node }) => node.id));
    expect(theirs.children.edges.filter(({ node }) => ownIds.has(node.id))).toEqual([]);
    // The neighbour's page holds only children living or registered in its county (other tests move children between counties).
    for (const { node } of theirs.children.edges)
      expect([node.residenceRegionCode, node.householdRegionCode].some((code) => code.startsWith(NEIGHBOUR_COUNTY))).toBe(true);
  });

  it('gives two schools’ teachers, asking the same at the same moment, each its own pupils', async () => {
    const [atA, atB] = await expectOwnAnswers(teacherAt(SCHOOL_A), teacherAt(SCHOOL_B));
    for (const [page, school] of [
      [atA, SCHOOL_A],
      [atB, SCHOOL_B],
    ] as const) {
      expect(page.children.edges.length).toBeGreaterThan(0);
      for (const { node } of page.children.edges) expect(node.enrolment?.school.id).toBe(school);
    }
  });
});
