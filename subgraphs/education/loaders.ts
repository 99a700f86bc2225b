import DataLoader from 'dataloader';
import { In, IsNull, type EntityManager } from 'typeorm';
import { groupLoader, loaderFamily, rowLoader } from '../shared/loaders';
import { CareAssignmentRow } from './care/care.entity';
import { findCurrentEnrolments, findEnrolmentPages } from './enrolment/enrolment.repository';
import { findSchoolsByIds } from './school/school.repository';
import { findLastTalkDates, findRecentTalks } from './talk/talk.repository';
import { accessLogLoader } from '../shared/audit/access-log.loader';

/** The education DataLoaders of one request. */
export function createEducationLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'education'),
    schoolById: rowLoader((ids: readonly string[]) => findSchoolsByIds(db, ids), (row) => row.id),
    currentEnrolmentByChildId: rowLoader((ids: readonly string[]) => findCurrentEnrolments(db, ids), (row) => row.childId),
    careByChildId: rowLoader(
      (ids: readonly string[]) => db.getRepository(CareAssignmentRow).findBy({ childId: In([...ids]), endedOn: IsNull() }),
      (row) => row.childId,
    ),
    lastTalkOnByChildId: new DataLoader<string, string | null>(async (ids) => {
      const dates = new Map((await findLastTalkDates(db, ids)).map((row) => [row.childId, row.heldOn]));
      return ids.map((id) => dates.get(id) ?? null);
    }),
    recentTalks: loaderFamily((last: number) =>
      groupLoader((ids: readonly string[]) => findRecentTalks(db, ids, last), (row) => row.childId),
    ),
    enrolmentPage: loaderFamily(
      (page: { afterId: string | null; limit: number }) =>
        groupLoader((schoolIds: readonly string[]) => findEnrolmentPages(db, schoolIds, page), (row) => row.schoolId),
      (page) => `${page.afterId}:${page.limit}`,
    ),
  };
}

export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
