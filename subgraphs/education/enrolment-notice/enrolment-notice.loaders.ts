import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { groupLoader } from '../../shared/loaders';
import { findNotices, findSchoolAgeNotEnrolled } from './enrolment-notice.repository';

/** The enrolment-notice DataLoaders of one request. */
export function createEnrolmentNoticeLoaders(db: EntityManager) {
  return {
    noticesByChildId: groupLoader(
      (ids: readonly string[]) => findNotices(db, ids),
      (row) => row.childId,
    ),
    /** Null for a child the registry copy does not show the caller. */
    schoolAgeNotEnrolledByChildId: new DataLoader<string, boolean | null>(async (childIds) => {
      const flags = new Map((await findSchoolAgeNotEnrolled(db, childIds)).map((row) => [row.childId, row.flag]));
      return childIds.map((childId) => flags.get(childId) ?? null);
    }),
  };
}
