import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findPartnersByIds } from './partner.repository';

/** The partner DataLoaders of one request. */
export function createPartnerLoaders(db: EntityManager) {
  return {
    partnerById: rowLoader(
      (ids: readonly string[]) => findPartnersByIds(db, ids),
      (row) => row.id,
    ),
  };
}
