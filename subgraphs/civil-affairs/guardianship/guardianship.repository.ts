import { In, type EntityManager } from 'typeorm';
import { GuardianshipRow } from './guardianship.entity';

/** Data access for guardianships: every statement about who looks after a child lives here. */

export function findGuardianshipsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<GuardianshipRow[]> {
  return db.getRepository(GuardianshipRow).findBy({ childId: In([...childIds]) });
}

export function lockGuardianship(em: EntityManager, childId: string): Promise<GuardianshipRow | null> {
  return em.getRepository(GuardianshipRow).findOne({ where: { childId }, lock: { mode: 'pessimistic_write' } });
}

export function findGuardianship(em: EntityManager, childId: string): Promise<GuardianshipRow> {
  return em.getRepository(GuardianshipRow).findOneByOrFail({ childId });
}

export async function insertGuardianship(em: EntityManager, row: GuardianshipRow): Promise<void> {
  await em.getRepository(GuardianshipRow).insert(row);
}

export async function updateGuardianship(em: EntityManager, childId: string, changes: Omit<GuardianshipRow, 'childId'>): Promise<void> {
  await em.getRepository(GuardianshipRow).update({ childId }, changes);
}
