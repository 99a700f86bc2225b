import type { Logger } from '../../../platform/logger';
import type { SubgraphName } from '../../../platform/subgraphs';
import { publicationsOf } from '../../../schema/published-sets';
import type { RunSql } from './maintenance-connection';

/**
 * What a publisher does to keep its sets true: a heartbeat every few seconds (so subscribers know
 * how fresh their copy is), and a full refresh at start and then periodically, because some
 * published facts change with time alone (a child turns 16; a consent's start date comes).
 * Both run through the application role's grants on the set's functions.
 */
export function startPublishing(options: { run: RunSql; publisher: SubgraphName; heartbeatSeconds: number; refreshMinutes: number; logger: Logger }): {
  stop: () => void;
} {
  const sets = publicationsOf(options.publisher);
  if (!sets.length) return { stop: () => undefined };
  const run = (what: string, sql: string) => options.run(sql).catch((err: unknown) => options.logger.warn({ err, what }, 'could not maintain a published set'));
  const beat = () => Promise.all(sets.map((set) => run('heartbeat', `SELECT ${set.schema}.beat()`)));
  const refresh = () => Promise.all(sets.map((set) => run('refresh', `SELECT ${set.schema}.refresh(NULL)`)));
  void beat();
  void refresh();
  const beating = setInterval(() => void beat(), options.heartbeatSeconds * 1000);
  const refreshing = setInterval(() => void refresh(), options.refreshMinutes * 60_000);
  // Neither timer keeps the process alive on shutdown.
  beating.unref();
  refreshing.unref();
  return {
    stop: () => {
      clearInterval(beating);
      clearInterval(refreshing);
    },
  };
}
