import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { loaderFamily } from '../../shared/loaders';
import { suppressTable, type FigureTable } from '../../shared/reports/suppression';
import { findSchoolRosterCounts } from './school-summary.repository';
import { SCHOOL_SUMMARY_FIGURES } from './school-summary.service';

/**
 * A request's loader of the schools' summary tables as recorded on a day: one statement per county
 * (and day) for all of its schools a query asks for, suppressed across them (every school of the
 * county that day, empty ones too) so no school is singled out.
 */
export function createSchoolSummaryLoaders(db: EntityManager) {
  return {
    schoolSummaryTable: loaderFamily(
      (threshold: number) =>
        new DataLoader<string, FigureTable, string>(async (keys) =>
          Promise.all(
            keys.map(async (key) => {
              const [county, day] = key.split('|') as [string, string];
              return suppressTable([], await findSchoolRosterCounts(db, day, county), SCHOOL_SUMMARY_FIGURES, threshold);
            }),
          ),
        ),
      String,
    ),
  };
}
