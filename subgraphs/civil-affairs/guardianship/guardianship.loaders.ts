import type { EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../../shared/loaders';
import { findCurrentGuardianshipsByChildIds, findGuardianshipHistoryByChildIds, findNoticesByChildIds } from './guardianship.repository';

/** The guardianship's DataLoaders of one request. */
export function guardianshipLoaders(db: EntityManager) {
  return {
    guardianshipByChildId: rowLoader(
      (ids: readonly string[]) => findCurrentGuardianshipsByChildIds(db, ids),
      (row) => row.childId,
    ),
    guardianshipHistoryByChildId: groupLoader(
      (ids: readonly string[]) => findGuardianshipHistoryByChildIds(db, ids),
      (row) => row.childId,
    ),
    reentrustmentNoticesByChildId: groupLoader(
      (ids: readonly string[]) => findNoticesByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
