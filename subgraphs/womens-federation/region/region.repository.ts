import type { EntityManager } from 'typeorm';
import type { RegionGrouping } from '../../shared/reports/region-table';
import type { CountRow } from '../../shared/reports/suppression';

/** A day's recorded federation counts of every region one level below `prefix`, in one statement (owner's rights, report:aggregate only). */
export function findRegionFederationCounts(db: EntityManager, day: string, prefix: string, grouping: RegionGrouping): Promise<CountRow[]> {
  return db.query('SELECT region, figure, n FROM region_federation_counts_on($1::date, $2, $3)', [day, prefix, grouping]);
}
