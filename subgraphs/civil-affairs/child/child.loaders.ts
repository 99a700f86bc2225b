import type { EntityManager } from 'typeorm';
import { accessLogLoader } from '../../shared/audit/access-log.loader';
import { rowLoader } from '../../shared/loaders';
import { findChildrenByIds, findChildrenByReference } from './child.repository';

/** The child's DataLoaders of one request: its rows and the entries civil affairs logged about it. */
export function childLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'civil-affairs'),
    childById: rowLoader(
      (ids: readonly string[]) => findChildrenByIds(db, ids),
      (row) => row.id,
    ),
    // Another agency's record naming the child: archived files the caller reaches resolve too.
    childByReference: rowLoader(
      (ids: readonly string[]) => findChildrenByReference(db, ids),
      (row) => row.id,
    ),
  };
}
