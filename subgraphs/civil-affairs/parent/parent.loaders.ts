import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findParentsByChildIds } from './parent.repository';

/** The parents' DataLoaders of one request. */
export function parentLoaders(db: EntityManager) {
  return {
    parentsByChildId: groupLoader(
      (ids: readonly string[]) => findParentsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
