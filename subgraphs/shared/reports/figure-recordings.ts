import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, badInput } from '../../../platform/errors';
import { today } from '../dates';

/** When each of the days was last recorded (absent: never), in one statement (region_figure_recordings: owner's rights, report:aggregate only). */
export async function findRecordings(db: EntityManager, days: ReadonlyArray<string>): Promise<Map<string, Date>> {
  const rows: Array<{ day: string; recorded_at: Date | null }> = await db.query(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS day, recorded_at FROM region_figure_recordings($1::date[])`,
    [days],
  );
  return new Map(rows.flatMap((row) => (row.recorded_at ? [[row.day, row.recorded_at] as const] : [])));
}

/**
 * A request's loader of when the agency's figures of each day asked for were last recorded: one
 * statement for all of a request's days, whatever the number of regions and schools read.
 */
export function figureRecordingLoaders(db: EntityManager) {
  return {
    figureRecording: new DataLoader<string, Date | null>(async (days) => {
      const recordings = await findRecordings(db, days);
      return days.map((day) => recordings.get(day) ?? null);
    }),
  };
}

/**
 * The day figures describe (`asOf`, today by default) and when its figures were recorded: a future
 * day is BAD_USER_INPUT, a day without a recording FIGURES_NOT_RECORDED (today's is made at the
 * subgraph's start, then every REPORT_RECORD_MINUTES).
 */
export async function recordingOf(asOf: string | null | undefined, recordings: DataLoader<string, Date | null>): Promise<{ day: string; recordedAt: Date }> {
  const day = asOf ?? today();
  if (day > today()) throw badInput(`Figures describe today (${today()}) or a past day, not ${day}.`, 'asOf');
  const recordedAt = await recordings.load(day);
  if (recordedAt) return { day, recordedAt };
  throw new DomainError(
    ErrorCode.FIGURES_NOT_RECORDED,
    day === today()
      ? 'Today’s figures are not recorded yet (at the service’s start, then periodically): try again shortly, or ask for a past day.'
      : `No figures were recorded on ${day}: the system did not run that day, or the day precedes its recordings.`,
    { field: 'asOf' },
  );
}
