import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { loaderFamily } from '../../shared/loaders';
import { suppressTable, type FigureTable } from '../../shared/reports/suppression';
import { termOf, termStart } from '../term/term.service';
import { findSchoolRosterCounts } from './school-summary.repository';
import { SCHOOL_SUMMARY_FIGURES } from './school-summary.service';

/**
 * A request's loader of the schools' summary tables: one statement per county (and day) for all of
 * its schools a query asks for, suppressed across them so no school is singled out.
 */
export function createSchoolSummaryLoaders(db: EntityManager) {
  return {
    schoolSummaryTable: loaderFamily(
      (threshold: number) =>
        new DataLoader<string, FigureTable, string>(async (keys) =>
          Promise.all(
            keys.map(async (key) => {
              const [county, asOf] = key.split('|') as [string, string];
              return suppressTable([], await findSchoolRosterCounts(db, county, asOf, termStart(termOf(asOf))), SCHOOL_SUMMARY_FIGURES, threshold);
            }),
          ),
        ),
      String,
    ),
  };
}
