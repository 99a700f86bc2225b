import type { EntityManager } from 'typeorm';
import type { RegionGrouping } from '../../shared/reports/region-table';
import type { CountRow } from '../../shared/reports/suppression';

/** The federation's counts of every region one level below `prefix`, in one statement (region_federation_counts: owner's rights, report:aggregate only). */
export function findRegionFederationCounts(db: EntityManager, prefix: string, grouping: RegionGrouping, asOf: string): Promise<CountRow[]> {
  return db.query('SELECT region, figure, n FROM region_federation_counts($1, $2, $3::date)', [prefix, grouping, asOf]);
}
