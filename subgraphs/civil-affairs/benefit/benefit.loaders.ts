import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findBenefitsByChildIds } from './benefit.repository';

/** The benefits' DataLoaders of one request. */
export function benefitLoaders(db: EntityManager) {
  return {
    benefitsByChildId: groupLoader(
      (ids: readonly string[]) => findBenefitsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
