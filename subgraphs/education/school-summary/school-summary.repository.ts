import type { EntityManager } from 'typeorm';
import type { CountRow } from '../../shared/reports/suppression';

/** A day's recorded summary counts of every school of a county, in one statement (owner's rights, report:aggregate only). */
export async function findSchoolRosterCounts(db: EntityManager, day: string, county: string): Promise<CountRow[]> {
  const rows: { school: string; figure: string; n: string }[] = await db.query('SELECT school, figure, n FROM school_roster_counts_on($1::date, $2)', [
    day,
    county,
  ]);
  return rows.map((row) => ({ region: row.school, figure: row.figure, n: row.n }));
}
