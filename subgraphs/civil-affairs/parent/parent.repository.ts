import { In, type EntityManager } from 'typeorm';
import { ParentRow } from './parent.entity';

/** Data access for parents: every statement about a parent's facts lives here. */

export function findParentsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ParentRow[]> {
  return db.getRepository(ParentRow).findBy({ childId: In([...childIds]) });
}

export async function insertParent(em: EntityManager, parent: ParentRow): Promise<void> {
  await em.getRepository(ParentRow).insert(parent);
}

/** Replaces one parent's facts (or removes them when `parent` is null). */
export async function replaceParent(em: EntityManager, parent: ParentRow | null, childId: string, role: ParentRow['role']) {
  await em.getRepository(ParentRow).delete({ childId, role });
  if (parent) await insertParent(em, parent);
}
