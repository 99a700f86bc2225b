import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findChildrensHomesByIds } from './childrens-home.repository';

/** The children's-home DataLoaders of one request. */
export function createChildrensHomeLoaders(db: EntityManager) {
  return {
    childrensHomeById: rowLoader(
      (ids: readonly string[]) => findChildrensHomesByIds(db, ids),
      (row) => row.id,
    ),
  };
}
