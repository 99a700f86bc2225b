import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findRiskStatusByChildIds } from './risk-status.repository';

/** The risk status's DataLoaders of one request. */
export function riskStatusLoaders(db: EntityManager) {
  return {
    riskStatusByChildId: rowLoader(
      (ids: readonly string[]) => findRiskStatusByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
