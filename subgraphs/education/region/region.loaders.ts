import type { EntityManager } from 'typeorm';
import { regionTableLoader } from '../../shared/reports/figure-table.loader';
import { reportReadLoaders } from '../../shared/reports/report-read';
import { termOf, termStart } from '../term/term.service';
import { findRegionSchoolCounts } from './region.repository';
import { EDUCATION_FIGURES } from './region.service';

/**
 * Education's region DataLoaders of one request: a parent's suppressed table (one statement per
 * parent and day, shared by all of its regions asked for), and the record of every figures read
 * (one statement for all of the request's reads in a tick).
 */
export function regionLoaders(db: EntityManager) {
  return {
    educationTable: regionTableLoader(EDUCATION_FIGURES, (prefix, grouping, asOf) =>
      findRegionSchoolCounts(db, prefix, grouping, asOf, termStart(termOf(asOf))),
    ),
    ...reportReadLoaders(db),
  };
}
