import { type EntityManager } from 'typeorm';
import { ParentRow } from './parent.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

/** Data access for parents: every statement about a parent's facts lives here. */

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_CHILD_IDS = preparedStatement(
  'parents_by_child_ids',
  `SELECT child_id, role, name, phone, work_place, away_since, unable_to_guard, unable_reason
     FROM parent WHERE child_id = ANY ($1::uuid[])`,
);

export function findParentsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ParentRow[]> {
  return findPrepared(db, ParentRow, BY_CHILD_IDS, [childIds]);
}

export async function insertParent(em: EntityManager, parent: ParentRow): Promise<void> {
  await em.getRepository(ParentRow).insert(parent);
}

/** Replaces one parent's facts (or removes them when `parent` is null). */
export async function replaceParent(em: EntityManager, parent: ParentRow | null, childId: string, role: ParentRow['role']) {
  await em.getRepository(ParentRow).delete({ childId, role });
  if (parent) await insertParent(em, parent);
}
