import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findDifficultiesByChildIds } from './difficulty.repository';

/** The difficult-circumstance categories' DataLoaders of one request. */
export function difficultyLoaders(db: EntityManager) {
  return {
    difficultiesByChildId: groupLoader(
      (ids: readonly string[]) => findDifficultiesByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
