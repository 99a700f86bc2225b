import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findReviewsByChildIds } from './review.repository';

/** The file reviews' DataLoaders of one request. */
export function reviewLoaders(db: EntityManager) {
  return {
    reviewsByChildId: groupLoader(
      (ids: readonly string[]) => findReviewsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
