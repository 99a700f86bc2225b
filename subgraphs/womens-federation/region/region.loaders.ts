import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { figureRecordingLoaders } from '../../shared/reports/figure-recordings';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { findRegionFederationCounts } from './region.repository';
import { FEDERATION_FIGURES } from './region.service';

/**
 * The federation's region DataLoaders of one request: a parent's suppressed table for a day (one
 * statement per parent and day, shared by all of its regions asked for), when the days asked for
 * were last recorded (one statement for all), and the record of every figures read.
 */
export function regionLoaders(db: EntityManager) {
  return {
    federationTable: regionTableLoader(FEDERATION_FIGURES, (prefix, grouping, day) => findRegionFederationCounts(db, day, prefix, grouping)),
    ...figureRecordingLoaders(db),
    ...reportReadLoaders(db),
  };
}
