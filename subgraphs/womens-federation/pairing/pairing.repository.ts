import { In, type EntityManager } from 'typeorm';
import { PairingRow } from './pairing.entity';

export type NewPairing = Omit<PairingRow, 'createdAt'>;

/** The pairings of each child, newest first. */
export function findPairingsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<PairingRow[]> {
  return db.getRepository(PairingRow).find({ where: { childId: In([...childIds]) }, order: { since: 'DESC' } });
}

/** The row with this id, which must exist (the one a create returned). */
export function getPairing(db: EntityManager, id: string): Promise<PairingRow> {
  return db.getRepository(PairingRow).findOneByOrFail({ id });
}
