import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const BATCH = 500;

/** Inserts many rows a few hundred per statement (bulk loads: demo data, imports). */
export async function insertInBatches<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await em.getRepository(entity).insert(rows.slice(start, start + BATCH) as never);
  }
}
