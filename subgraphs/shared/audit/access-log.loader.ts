import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '../../../platform/subgraphs';
import { groupLoader } from '../loaders';
import { AccessAction, type AccessLogEntry } from './access-log.type';

/** How many of its newest entries per child an agency hands over. */
const LIMIT_PER_CHILD = 200;

/** The newest entries this agency logged about each child, through one statement per request. */
export function accessLogLoader(db: EntityManager, agency: SubgraphName) {
  return groupLoader(
    async (childIds: readonly string[]) => {
      const rows: {
        child_id: string;
        at: Date;
        actor: string;
        org: string;
        purpose: string | null;
        request_id: string;
        action: string;
        categories: string[];
      }[] = await db.query(
        `SELECT child_id, at, actor, org, purpose, request_id, action, categories
             FROM (SELECT *, row_number() OVER (PARTITION BY child_id ORDER BY seq DESC) AS n FROM access_log WHERE child_id = ANY ($1::uuid[])) recent
            WHERE n <= $2 ORDER BY seq DESC`,
        [childIds, LIMIT_PER_CHILD],
      );
      return rows.map((row) => ({
        childId: row.child_id,
        entry: {
          at: row.at,
          agency,
          actor: row.actor,
          org: row.org,
          purpose: row.purpose,
          requestId: row.request_id,
          action: row.action as AccessAction,
          categories: row.categories,
        } satisfies AccessLogEntry,
      }));
    },
    (row) => row.childId,
  );
}
