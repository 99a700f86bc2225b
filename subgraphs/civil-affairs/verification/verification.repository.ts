import { In, type EntityManager } from 'typeorm';
import { VerificationRow } from './verification.entity';

/** Data access for verification visits. */

export function findVerificationsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<VerificationRow[]> {
  return db.getRepository(VerificationRow).find({ where: { childId: In([...childIds]) }, order: { visitedOn: 'DESC', recordedAt: 'DESC' } });
}

export function getVerification(db: EntityManager, id: string): Promise<VerificationRow> {
  return db.getRepository(VerificationRow).findOneByOrFail({ id });
}

export async function insertVerification(em: EntityManager, row: Omit<VerificationRow, 'recordedAt'>): Promise<void> {
  await em.getRepository(VerificationRow).insert(row);
}
