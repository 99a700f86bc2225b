import type { SubgraphName } from '../../../platform/subgraphs';
import { subscriptionsOf } from '../../../schema/published-sets';
import type { RunSql } from './maintenance-connection';
import { subscriptionName } from './subscription-names';

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
 * Reads each subscription's state and lag through the application role: the catalog columns it
 * reads are public, and the heartbeat tables are readable by it.
 */
export async function feedStatus(run: RunSql, subscriber: SubgraphName): Promise<FeedStatus[]> {
  const sets = subscriptionsOf(subscriber);
  if (!sets.length) return [];
  const names = sets.map((set) => subscriptionName(subscriber, set));
  const rows = await run<{ name: string; enabled: boolean; streaming: boolean }>(
    `SELECT s.subname AS name, s.subenabled AS enabled, coalesce(bool_or(st.pid IS NOT NULL), false) AS streaming
       FROM pg_subscription s LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL
      WHERE s.subname = ANY ($1) AND s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      GROUP BY s.subname, s.subenabled`,
    [names],
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
    const row = rows.find((candidate) => candidate.name === names[index]);
    return {
      set: set.schema,
      publisher: set.publisher,
      subscribed: Boolean(row?.enabled),
      streaming: Boolean(row?.streaming),
      lagSeconds: lags[index],
    };
  });
}
