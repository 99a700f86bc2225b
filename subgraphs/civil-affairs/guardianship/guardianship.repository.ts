import { In, type EntityManager } from 'typeorm';
import { GuardianshipRow } from './guardianship.entity';
import type { Guardianship } from './guardianship.type';

export function findGuardianshipsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<GuardianshipRow[]> {
  return db.getRepository(GuardianshipRow).findBy({ childId: In([...childIds]) });
}

export function lockGuardianship(em: EntityManager, childId: string): Promise<GuardianshipRow | null> {
  return em.getRepository(GuardianshipRow).findOne({ where: { childId }, lock: { mode: 'pessimistic_write' } });
}

export function toGuardianship(row: GuardianshipRow): Guardianship {
  return {
    form: row.form as Guardianship['form'],
    guardianName: row.guardianName,
    guardianRelationship: row.guardianRelationship,
    guardianPhone: row.guardianPhone,
    guardianAddress: row.guardianAddress,
    guardianCapacity: row.guardianCapacity as Guardianship['guardianCapacity'],
    livingAlone: row.form === 'ALONE',
    recordedAt: row.recordedAt,
    version: row.version,
  };
}
