import { In, type EntityManager } from 'typeorm';
import { AGE_YEARS_SQL } from '../enrolment/enrolment.repository';
import { EnrolmentNoticeRow } from './enrolment-notice.entity';
import type { UnenrolledChildRow } from './enrolment-notice.type';

/** Compulsory-education age (义务教育): 6 to 15. */
export const SCHOOL_AGE = { min: 6, max: 15 };

/** The registry's left-behind and difficult-circumstance children of school age with no open enrolment anywhere (child_enrolled looks past row security). */
const SCHOOL_AGE_NOT_ENROLLED = `r.status = 'ACTIVE' AND (r.is_left_behind OR r.in_difficulty)
  AND ${AGE_YEARS_SQL('r')} BETWEEN ${SCHOOL_AGE.min} AND ${SCHOOL_AGE.max} AND NOT child_enrolled(r.child_id)`;

const LIST = `FROM registry_feed.child r WHERE ${SCHOOL_AGE_NOT_ENROLLED}
  AND ($1::text IS NULL OR r.residence_region_code LIKE $1 || '%')
  AND ($2::int IS NULL OR ${AGE_YEARS_SQL('r')} >= $2::int) AND ($3::int IS NULL OR ${AGE_YEARS_SQL('r')} <= $3::int)
  AND ($4::boolean IS NULL OR $4::boolean = EXISTS (SELECT 1 FROM enrolment_notice n WHERE n.child_id = r.child_id))`;

export interface UnenrolledFilter {
  regionPrefix: string | null;
  minAge: number | null;
  maxAge: number | null;
  noticeIssued: boolean | null;
}

/** One page of that list in registry-id order, and its count. */
export async function findUnenrolledPage(db: EntityManager, filter: UnenrolledFilter, page: { afterId: string | null; limit: number }) {
  const params = [filter.regionPrefix, filter.minAge, filter.maxAge, filter.noticeIssued];
  const [rows, [count]] = await Promise.all([
    db.query(
      `SELECT r.child_id AS id, r.child_id AS "childId", ${AGE_YEARS_SQL('r')} AS "ageYears" ${LIST} AND ($5::uuid IS NULL OR r.child_id > $5::uuid) ORDER BY r.child_id LIMIT $6`,
      [...params, page.afterId, page.limit],
    ) as Promise<UnenrolledChildRow[]>,
    db.query(`SELECT count(*)::int AS n ${LIST}`, params) as Promise<{ n: number }[]>,
  ]);
  return { rows, totalCount: count.n };
}

/** For each of these children the registry copy shows: whether it is of school age, covered by the care rules and not enrolled. */
export function findSchoolAgeNotEnrolled(db: EntityManager, childIds: readonly string[]): Promise<{ childId: string; flag: boolean }[]> {
  return db.query(`SELECT r.child_id AS "childId", (${SCHOOL_AGE_NOT_ENROLLED}) AS flag FROM registry_feed.child r WHERE r.child_id = ANY ($1::uuid[])`, [
    childIds,
  ]);
}

/** Whether the child has an open enrolment anywhere. */
export async function isEnrolledAnywhere(db: EntityManager, childId: string): Promise<boolean> {
  const [row]: { enrolled: boolean }[] = await db.query(`SELECT child_enrolled($1) AS enrolled`, [childId]);
  return row.enrolled;
}

/** Each child's notices, newest first. */
export function findNotices(db: EntityManager, childIds: readonly string[]): Promise<EnrolmentNoticeRow[]> {
  return db.getRepository(EnrolmentNoticeRow).find({ where: { childId: In([...childIds]) }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
}
