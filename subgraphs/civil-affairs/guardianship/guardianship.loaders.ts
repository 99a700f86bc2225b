import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findGuardianshipsByChildIds } from './guardianship.repository';

/** The guardianship's DataLoaders of one request. */
export function guardianshipLoaders(db: EntityManager) {
  return {
    guardianshipByChildId: rowLoader(
      (ids: readonly string[]) => findGuardianshipsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
