import { type EntityManager } from 'typeorm';
import { ClassificationRow } from './classification.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_CHILD_IDS = preparedStatement(
  'classification_by_child_ids',
  `SELECT child_id, parents_away, other_parent_unable_to_guard, left_behind_type, is_left_behind
     FROM child_classification WHERE child_id = ANY ($1::uuid[])`,
);

export function findClassificationsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ClassificationRow[]> {
  return findPrepared(db, ClassificationRow, BY_CHILD_IDS, [childIds]);
}
