import { In, type EntityManager } from 'typeorm';
import { BenefitRow } from './benefit.entity';

/** Data access for benefits. */

export function findBenefitsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<BenefitRow[]> {
  return db.getRepository(BenefitRow).find({ where: { childId: In([...childIds]) }, order: { startsOn: 'DESC', id: 'ASC' } });
}

export function getBenefit(db: EntityManager, id: string): Promise<BenefitRow> {
  return db.getRepository(BenefitRow).findOneByOrFail({ id });
}

export function lockBenefit(em: EntityManager, id: string): Promise<BenefitRow | null> {
  return em.getRepository(BenefitRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function insertBenefit(em: EntityManager, row: Omit<BenefitRow, 'version' | 'recordedAt'>): Promise<void> {
  await em.getRepository(BenefitRow).insert(row);
}

export async function endBenefitIfVersion(em: EntityManager, id: string, expectedVersion: number, endsOn: string): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(BenefitRow)
    .set({ endsOn, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}
