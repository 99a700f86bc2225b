import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { findRegionCounts } from './region.repository';
import { CHILD_FIGURES } from './region.service';

/**
 * The region DataLoaders of one request: a parent's suppressed table (one statement per parent,
 * shared by all its children regions asked for), and the record of every figures read (one
 * statement for all of the request's reads in a tick).
 */
export function regionLoaders(db: EntityManager) {
  return {
    figureTable: regionTableLoader(CHILD_FIGURES, (prefix, grouping) => findRegionCounts(db, prefix, grouping)),
    ...reportReadLoaders(db),
  };
}
