import type { EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../../shared/loaders';
import { findProgrammesByIds, findProgrammesByPartnerIds } from './programme.repository';

/** The programme DataLoaders of one request. */
export function createProgrammeLoaders(db: EntityManager) {
  return {
    programmeById: rowLoader(
      (ids: readonly string[]) => findProgrammesByIds(db, ids),
      (row) => row.id,
    ),
    programmesByPartnerId: groupLoader(
      (ids: readonly string[]) => findProgrammesByPartnerIds(db, ids),
      (row) => row.partnerId,
    ),
  };
}
