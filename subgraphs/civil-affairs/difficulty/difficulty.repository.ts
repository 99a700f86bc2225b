import { In, type EntityManager } from 'typeorm';
import { DifficultyRow } from './difficulty.entity';

/** Data access for difficult-circumstance categories. */

export type NewDifficulty = Omit<DifficultyRow, 'version' | 'recordedAt' | 'endReason'>;

export function findDifficultiesByChildIds(db: EntityManager, childIds: readonly string[]): Promise<DifficultyRow[]> {
  return db.getRepository(DifficultyRow).find({ where: { childId: In([...childIds]) }, order: { startsOn: 'DESC', id: 'ASC' } });
}

export function getDifficulty(db: EntityManager, id: string): Promise<DifficultyRow> {
  return db.getRepository(DifficultyRow).findOneByOrFail({ id });
}

export function lockDifficulty(em: EntityManager, id: string): Promise<DifficultyRow | null> {
  return em.getRepository(DifficultyRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Whether the child has a record of the category whose period meets [startsOn, endsOn] (endsOn null: open-ended). */
export async function overlappingDifficultyExists(
  em: EntityManager,
  row: Pick<NewDifficulty, 'childId' | 'category' | 'startsOn' | 'endsOn'>,
): Promise<boolean> {
  const found: unknown[] = await em.query(
    `SELECT 1 FROM difficulty_category
      WHERE child_id = $1 AND category = $2 AND starts_on <= coalesce($4::date, 'infinity') AND coalesce(ends_on, 'infinity') >= $3::date
      LIMIT 1`,
    [row.childId, row.category, row.startsOn, row.endsOn],
  );
  return found.length > 0;
}

export async function insertDifficulty(em: EntityManager, row: NewDifficulty): Promise<void> {
  await em.getRepository(DifficultyRow).insert(row);
}

export async function endDifficultyIfVersion(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  endsOn: string,
  endReason: string | null,
): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(DifficultyRow)
    .set({ endsOn, endReason, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}
