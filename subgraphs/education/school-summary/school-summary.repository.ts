import type { EntityManager } from 'typeorm';
import type { CountRow } from '../../shared/reports/suppression';

/** The summary counts of every school of a county, in one statement (school_roster_counts: owner's rights, report:aggregate only). */
export async function findSchoolRosterCounts(db: EntityManager, county: string, asOf: string, termStart: string): Promise<CountRow[]> {
  const rows: { school: string; figure: string; n: string }[] = await db.query('SELECT school, figure, n FROM school_roster_counts($1, $2::date, $3::date)', [
    county,
    asOf,
    termStart,
  ]);
  return rows.map((row) => ({ region: row.school, figure: row.figure, n: row.n }));
}
