import { SUBGRAPHS } from '../platform/subgraphs';
import { verifyChain } from '../subgraphs/shared/audit/audit-chain';
import { database, gqlData, type Connection } from './support/system';

/**
 * Issue 10, fault 5: `Child.accessLog` on a full page of children whose histories are long. The
 * other agencies' entries travel to civil affairs for the merge (up to 200 per child from each):
 * for a page of 100 children that is about 9 MB, which the subgraphs take from the gateway alone
 * (its token is checked before the body is read).
 */

const ENTRIES_PER_CHILD = 500;

describe('Child.accessLog for a page of children with 500 entries each in every agency', () => {
  let childIds: string[];

  beforeAll(async () => {
    const page = await gqlData<{ children: Connection<{ id: string }> }>(`{ children(first: 100) { edges { node { id } } } }`);
    childIds = page.children.edges.map((edge) => edge.node.id);
    expect(childIds).toHaveLength(100);
    // Appended as the services append (the chained function), 500 requests' worth per agency.
    const entries = JSON.stringify(childIds.map((childId) => ({ childId, action: 'READ', categories: ['child:basic'] })));
    await Promise.all(
      SUBGRAPHS.map(async ({ name }) => {
        const owner = await database(name);
        try {
          await owner.query(
            `DO $$ BEGIN
               FOR i IN 1..${ENTRIES_PER_CHILD} LOOP
                 PERFORM append_access_log('history-' || i, 'test:reader', 'test', 'case-management', '${entries}'::jsonb);
               END LOOP;
             END $$`,
          );
        } finally {
          await owner.end();
        }
      }),
    );
  }, 120_000);

  it('answers a full page (100 children, the default 50 newest entries each) from all three agencies, newest first', async () => {
    const data = await gqlData<{ children: Connection<{ id: string; accessLog: { at: string; agency: string; requestId: string }[] }> }>(
      `{ children(first: 100) { edges { node { id accessLog { at agency requestId } } } } }`,
    );
    const children = data.children.edges.map((edge) => edge.node);
    expect(children.map((child) => child.id)).toEqual(childIds);
    for (const child of children) {
      expect(child.accessLog).toHaveLength(50);
      const times = child.accessLog.map((entry) => Date.parse(entry.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
  });

  it('answers the longest log a few children may ask for (200 entries each), merged from every agency', async () => {
    const data = await gqlData<{ children: Connection<{ accessLog: { agency: string }[] }> }>(
      `{ children(first: 5) { edges { node { accessLog(last: 200) { agency } } } } }`,
    );
    for (const { node } of data.children.edges) {
      expect(node.accessLog).toHaveLength(200);
      expect(new Set(node.accessLog.map((entry) => entry.agency)).size).toBeGreaterThan(1);
    }
  });

  it('leaves every agency’s chain intact', async () => {
    for (const { name } of SUBGRAPHS) {
      const owner = await database(name);
      try {
        expect((await verifyChain(owner)).brokenAt).toBeNull();
      } finally {
        await owner.end();
      }
    }
  });
});
