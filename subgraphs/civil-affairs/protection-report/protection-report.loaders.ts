import type { EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../../shared/loaders';
import { findReportsByChildIds, findReportsByIds, findStepsByReportIds } from './protection-report.repository';

/** The protection reports' DataLoaders of one request. */
export function protectionReportLoaders(db: EntityManager) {
  return {
    protectionReportById: rowLoader(
      (ids: readonly string[]) => findReportsByIds(db, ids),
      (row) => row.id,
    ),
    protectionReportsByChildId: groupLoader(
      (ids: readonly string[]) => findReportsByChildIds(db, ids),
      (row) => row.childId,
    ),
    protectionStepsByReportId: groupLoader(
      (ids: readonly string[]) => findStepsByReportIds(db, ids),
      (row) => row.reportId,
    ),
  };
}
