import type { EntityManager } from 'typeorm';
import { groupLoader, loaderFamily } from '../../shared/loaders';
import { findPairingPages, findPairingsByChildIds } from './pairing.repository';

/** The pairing DataLoaders of one request. */
export function createPairingLoaders(db: EntityManager) {
  return {
    pairingsByChildId: groupLoader(
      (ids: readonly string[]) => findPairingsByChildIds(db, ids),
      (row) => row.childId,
    ),
    pairingPage: loaderFamily(
      (page: { afterId: string | null; limit: number; activeOn: string | null }) =>
        groupLoader(
          (programmeIds: readonly string[]) => findPairingPages(db, programmeIds, page),
          (row) => row.programmeId,
        ),
      (page) => `${page.afterId}:${page.limit}:${page.activeOn}`,
    ),
  };
}
