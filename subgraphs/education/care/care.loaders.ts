import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findCurrentCareAssignments } from './care.repository';

/** The care DataLoaders of one request. */
export function createCareLoaders(db: EntityManager) {
  return {
    careByChildId: rowLoader(
      (ids: readonly string[]) => findCurrentCareAssignments(db, ids),
      (row) => row.childId,
    ),
  };
}
