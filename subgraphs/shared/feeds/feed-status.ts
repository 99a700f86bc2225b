import type { SubgraphName } from '../../../platform/subgraphs';
import { subscriptionsOf } from '../../../schema/published-sets';
import type { RunSql } from './maintenance-connection';

/** How one subscribed set stands, as the subscriber sees it. */
export interface FeedStatus {
  set: string;
  publisher: SubgraphName;
  /** The subscription exists and is enabled; false is a broken configuration. */
  subscribed: boolean;
  /** Its apply worker is connected to the publisher (false while the publisher is down). */
  streaming: boolean;
  /** Seconds since the publisher's last heartbeat reached this copy; null before the first. */
  lagSeconds: number | null;
}

/**
 * Reads each set's state and lag through the application role: the catalog columns it reads are
 * public, and the heartbeat tables are readable by it. A set's subscription is whichever carries
 * its publication (one per publisher, or one per set in a deployment made before; subscription-plan.ts).
 */
export async function feedStatus(run: RunSql, subscriber: SubgraphName): Promise<FeedStatus[]> {
  const sets = subscriptionsOf(subscriber);
  if (!sets.length) return [];
  const rows = await run<{ set: string; enabled: boolean; streaming: boolean }>(
    `SELECT p.set, bool_or(s.subenabled) AS enabled, coalesce(bool_or(st.pid IS NOT NULL AND s.subenabled), false) AS streaming
       FROM unnest($1::text[]) AS p(set)
       JOIN pg_subscription s ON p.set = ANY (s.subpublications) AND s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL
      GROUP BY p.set`,
    [sets.map((set) => set.schema)],
  );
  const lags = await Promise.all(
    sets.map(async (set) => {
      const [row] = await run<{ lag: number | null }>(
        `SELECT extract(epoch FROM clock_timestamp() - max(beat_at))::float8 AS lag FROM ${set.schema}.heartbeat`,
      );
      return row?.lag ?? null;
    }),
  );
  return sets.map((set, index) => {
    const row = rows.find((candidate) => candidate.set === set.schema);
    return {
      set: set.schema,
      publisher: set.publisher,
      subscribed: Boolean(row?.enabled),
      streaming: Boolean(row?.streaming),
      lagSeconds: lags[index],
    };
  });
}
