import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findVerificationsByChildIds } from './verification.repository';

/** The verification visits' DataLoaders of one request. */
export function verificationLoaders(db: EntityManager) {
  return {
    verificationsByChildId: groupLoader(
      (ids: readonly string[]) => findVerificationsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
