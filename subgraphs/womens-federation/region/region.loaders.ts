import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { findRegionFederationCounts } from './region.repository';
import { FEDERATION_FIGURES } from './region.service';

/**
 * The federation's region DataLoaders of one request: a parent's suppressed table (one statement
 * per parent and day, shared by all of its regions asked for), and the record of every figures read.
 */
export function regionLoaders(db: EntityManager) {
  return {
    federationTable: regionTableLoader(FEDERATION_FIGURES, (prefix, grouping, asOf) => findRegionFederationCounts(db, prefix, grouping, asOf)),
    ...reportReadLoaders(db),
  };
}
