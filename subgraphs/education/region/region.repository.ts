import type { EntityManager } from 'typeorm';
import type { RegionGrouping } from '../../shared/reports/region-table';
import type { CountRow } from '../../shared/reports/suppression';

/** Education's counts of every region one level below `prefix`, in one statement (region_school_counts: owner's rights, report:aggregate only). */
export function findRegionSchoolCounts(db: EntityManager, prefix: string, grouping: RegionGrouping, asOf: string, termStart: string): Promise<CountRow[]> {
  return db.query('SELECT region, figure, n FROM region_school_counts($1, $2, $3::date, $4::date)', [prefix, grouping, asOf, termStart]);
}
