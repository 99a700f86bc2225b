import type { Logger } from '../../platform/logger';
import { maintenanceConnection } from './feeds/maintenance-connection';

/**
 * Keeps each day's report figures (issue 13: a past day's report gives the same answer whenever it
 * is asked): at start and then every `minutes`, each recorder (an owner's SQL function that
 * replaces today's recorded counts, never a past day's) runs once. The last run of a day stands for
 * that day. Runs on a connection of its own, outside requests and their statement count.
 *
 * An agency that counts from its copies of other agencies' sets records once more as soon as those
 * copies have first caught up (`caughtUp`, polled every 2 s for up to 10 minutes): on a first start
 * the copies are still filling when the first recording runs, and its zeros would otherwise stand
 * until the next period.
 */
export function startFigureRecording(options: {
  databaseUrl: string;
  name: string;
  recorders: string[];
  minutes: number;
  logger: Logger;
  caughtUp: () => Promise<boolean>;
}): {
  stop: () => Promise<void>;
} {
  if (!options.recorders.length) return { stop: async () => undefined };
  const connection = maintenanceConnection(options.databaseUrl, `${options.name}:figures`);
  const record = () =>
    Promise.all(
      options.recorders.map((recorder) =>
        connection
          .run<{ rows: number }>(`SELECT ${recorder}() AS rows`)
          .then(([result]) => options.logger.info({ recorder, rows: result?.rows }, 'recorded the report figures of today'))
          .catch((err: unknown) => options.logger.warn({ err, recorder }, 'could not record the report figures of today')),
      ),
    );
  void record();
  const timer = setInterval(() => void record(), options.minutes * 60_000);
  const polls = { left: 300 };
  const poll: NodeJS.Timeout = setInterval(() => {
    void options
      .caughtUp()
      .catch(() => false)
      .then((caughtUp) => {
        if (!caughtUp && --polls.left > 0) return;
        clearInterval(poll);
        if (caughtUp) void record();
      });
  }, 2000);
  // Neither timer keeps the process alive on shutdown.
  timer.unref();
  poll.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      clearInterval(poll);
      await connection.close();
    },
  };
}
