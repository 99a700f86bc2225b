import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { figureRecordingLoaders } from '../../shared/reports/figure-recordings';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { findRegionSchoolCounts } from './region.repository';
import { EDUCATION_FIGURES } from './region.service';

/**
 * Education's region DataLoaders of one request: a parent's suppressed table for a day (one
 * statement per parent and day, shared by all of its regions asked for), when the days asked for
 * were last recorded (one statement for all, schools' summaries included), and the record of every
 * figures read (one statement for all of the request's reads in a tick).
 */
export function regionLoaders(db: EntityManager) {
  return {
    educationTable: regionTableLoader(EDUCATION_FIGURES, (prefix, grouping, day) => findRegionSchoolCounts(db, day, prefix, grouping)),
    ...figureRecordingLoaders(db),
    ...reportReadLoaders(db),
  };
}
