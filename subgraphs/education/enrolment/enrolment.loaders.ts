import type { EntityManager } from 'typeorm';
import { groupLoader, loaderFamily, rowLoader } from '../../shared/loaders';
import { findCurrentEnrolments, findEnrolmentPages } from './enrolment.repository';

/** The enrolment DataLoaders of one request. */
export function createEnrolmentLoaders(db: EntityManager) {
  return {
    currentEnrolmentByChildId: rowLoader(
      (ids: readonly string[]) => findCurrentEnrolments(db, ids),
      (row) => row.childId,
    ),
    enrolmentPage: loaderFamily(
      (page: { afterId: string | null; limit: number }) =>
        groupLoader(
          (schoolIds: readonly string[]) => findEnrolmentPages(db, schoolIds, page),
          (row) => row.schoolId,
        ),
      (page) => `${page.afterId}:${page.limit}`,
    ),
  };
}
