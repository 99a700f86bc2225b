import type { EntityManager } from 'typeorm';
import type { RegionGrouping } from '../../shared/reports/region-table';
import type { CountRow } from '../../shared/reports/suppression';

/** The counts of every region one level below `prefix`, in one statement (region_child_counts: owner's rights, report:aggregate only). */
export function findRegionCounts(db: EntityManager, prefix: string, grouping: RegionGrouping): Promise<CountRow[]> {
  return db.query('SELECT region, figure, n FROM region_child_counts($1, $2)', [prefix, grouping]);
}
