import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findClassificationsByChildIds } from './classification.repository';

/** The classification's DataLoaders of one request. */
export function classificationLoaders(db: EntityManager) {
  return {
    classificationByChildId: rowLoader(
      (ids: readonly string[]) => findClassificationsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
