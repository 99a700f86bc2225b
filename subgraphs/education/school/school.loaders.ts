import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findSchoolsByIds } from './school.repository';

/** The school DataLoaders of one request. */
export function createSchoolLoaders(db: EntityManager) {
  return {
    schoolById: rowLoader(
      (ids: readonly string[]) => findSchoolsByIds(db, ids),
      (row) => row.id,
    ),
  };
}
