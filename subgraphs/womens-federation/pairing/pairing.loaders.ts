import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findPairingsByChildIds } from './pairing.repository';

/** The pairing DataLoaders of one request. */
export function createPairingLoaders(db: EntityManager) {
  return {
    pairingsByChildId: groupLoader(
      (ids: readonly string[]) => findPairingsByChildIds(db, ids),
      (row) => row.childId,
    ),
  };
}
