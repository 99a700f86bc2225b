import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { ActivityAttendanceRow, ActivityRow } from './activity.entity';

export function findActivitiesByIds(db: EntityManager, ids: readonly string[]): Promise<ActivityRow[]> {
  return db.getRepository(ActivityRow).findBy({ id: In([...ids]) });
}

export function findAttendanceOfActivities(db: EntityManager, activityIds: readonly string[]): Promise<ActivityAttendanceRow[]> {
  return db.getRepository(ActivityAttendanceRow).findBy({ activityId: In([...activityIds]) });
}

/** Each child's attendances, newest activity first, at most `last` each, in one statement. */
export function findNewestAttendance(db: EntityManager, childIds: readonly string[], last: number): Promise<(ActivityAttendanceRow & { heldOn: string })[]> {
  return db.query(
    `SELECT activity_id AS "activityId", child_id AS "childId", attendee, attendee_name AS "attendeeName", held_on::text AS "heldOn" FROM (
       SELECT t.*, a.held_on, row_number() OVER (PARTITION BY t.child_id ORDER BY a.held_on DESC, a.id DESC) AS n
         FROM activity_attendance t JOIN activity a ON a.id = t.activity_id WHERE t.child_id = ANY ($1::uuid[])) ranked
      WHERE n <= $2 ORDER BY held_on DESC`,
    [childIds, last],
  );
}

/** One page of activities in id order, by the filter. */
export function listActivities(
  db: EntityManager,
  filter: { childrensHomeId: string | null; programmeId: string | null; kind: string | null },
  window: PageWindow,
): Promise<ActivityRow[]> {
  const query = db.getRepository(ActivityRow).createQueryBuilder('a').orderBy('a.id').limit(window.limit);
  if (window.afterId) query.andWhere('a.id > :afterId', { afterId: window.afterId });
  if (filter.childrensHomeId) query.andWhere('a.childrens_home_id = :home', { home: filter.childrensHomeId });
  if (filter.programmeId) query.andWhere('a.programme_id = :programme', { programme: filter.programmeId });
  if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
  return query.getMany();
}

export async function insertActivity(em: EntityManager, activity: Omit<ActivityRow, 'createdAt'>, attendance: ActivityAttendanceRow[]): Promise<void> {
  await em.getRepository(ActivityRow).insert(activity);
  if (attendance.length) await em.getRepository(ActivityAttendanceRow).insert(attendance);
}
