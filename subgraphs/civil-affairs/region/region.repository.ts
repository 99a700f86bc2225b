import type { EntityManager } from 'typeorm';
import type { RegionGrouping } from '../../shared/reports/region-table';
import type { CountRow } from '../../shared/reports/suppression';

/** A day's recorded counts of every region one level below `prefix`, in one statement (owner's rights, report:aggregate only). */
export function findRegionCounts(db: EntityManager, day: string, prefix: string, grouping: RegionGrouping): Promise<CountRow[]> {
  return db.query('SELECT region, figure, n FROM region_child_counts_on($1::date, $2, $3)', [day, prefix, grouping]);
}

/** When each of the days was last recorded (absent: never), in one statement. */
export async function findRecordings(db: EntityManager, days: ReadonlyArray<string>): Promise<Map<string, Date>> {
  const rows: Array<{ day: string; recorded_at: Date | null }> = await db.query(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS day, recorded_at FROM region_figure_recordings($1::date[])`,
    [days],
  );
  return new Map(rows.flatMap((row) => (row.recorded_at ? [[row.day, row.recorded_at] as const] : [])));
}
