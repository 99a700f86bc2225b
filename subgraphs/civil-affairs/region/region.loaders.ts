import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { figureRecordingLoaders } from '../../shared/reports/figure-recordings';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { findRegionCounts } from './region.repository';
import { CHILD_FIGURES } from './region.service';

/**
 * The region DataLoaders of one request: a parent's suppressed table for a day (one statement per
 * parent and day, shared by all its children regions asked for), when the days asked for were last
 * recorded (one statement for all), and the record of every figures read (one statement for all of
 * the request's reads in a tick).
 */
export function regionLoaders(db: EntityManager) {
  return {
    figureTable: regionTableLoader(CHILD_FIGURES, (prefix, grouping, day) => findRegionCounts(db, day, prefix, grouping)),
    ...figureRecordingLoaders(db),
    ...reportReadLoaders(db),
  };
}
