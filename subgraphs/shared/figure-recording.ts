import type { Logger } from '../../platform/logger';
import { maintenanceConnection } from './feeds/maintenance-connection';

/**
 * Keeps each day's report figures (issue 13: a past day's report gives the same answer whenever it
 * is asked): at start and then every `minutes`, each recorder (an owner's SQL function that
 * replaces today's recorded counts, never a past day's) runs once. The last run of a day stands for
 * that day. Runs on a connection of its own, outside requests and their statement count.
 */
export function startFigureRecording(options: { databaseUrl: string; name: string; recorders: string[]; minutes: number; logger: Logger }): {
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
  // The timer never keeps the process alive on shutdown.
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await connection.close();
    },
  };
}
