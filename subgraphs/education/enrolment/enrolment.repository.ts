import { In, type EntityManager, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { EnrolmentRow } from './enrolment.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewEnrolment = Omit<EnrolmentRow, 'endedOn' | 'statusChangedOn' | 'statusReason' | 'createdAt'>;

/** An enrolment that has not ended: the child is at the school, or suspended (休学) and keeping the place. */
export const OPEN_STATUSES = ['ENROLLED', 'SUSPENDED'];

/** Each child's open enrolment, where the caller reaches its school. */
/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const CURRENT_BY_CHILD_IDS = preparedStatement(
  'current_enrolments_by_child_ids',
  `SELECT id, child_id, school_id, grade, class_name, student_number, boarding, status, enrolled_on, ended_on,
          status_changed_on, status_reason, version, created_at, created_by
     FROM enrolment WHERE child_id = ANY ($1::uuid[]) AND status = ANY ($2::text[])`,
);

export function findCurrentEnrolments(db: EntityManager, childIds: readonly string[]): Promise<EnrolmentRow[]> {
  return findPrepared(db, EnrolmentRow, CURRENT_BY_CHILD_IDS, [childIds, OPEN_STATUSES]);
}

/** The row with this id, which must exist (the one a create returned). */
export function getEnrolment(db: EntityManager, id: string): Promise<EnrolmentRow> {
  return db.getRepository(EnrolmentRow).findOneByOrFail({ id });
}

/** The enrolment, locked until the transaction ends, so a versioned update cannot race; null when the caller does not reach it. */
export function lockEnrolment(em: EntityManager, id: string): Promise<EnrolmentRow | null> {
  return em.getRepository(EnrolmentRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** One page of current enrolments for each school, all schools in one statement. */
export async function findEnrolmentPages(
  db: EntityManager,
  schoolIds: readonly string[],
  page: { afterId: string | null; limit: number },
): Promise<EnrolmentRow[]> {
  const ids: { id: string }[] = await db.query(
    `SELECT e.id
       FROM unnest($1::uuid[]) AS s(id)
       CROSS JOIN LATERAL (
         SELECT id FROM enrolment
          WHERE school_id = s.id AND status = 'ENROLLED' AND ($2::uuid IS NULL OR id > $2::uuid)
          ORDER BY id LIMIT $3) e`,
    [schoolIds, page.afterId, page.limit],
  );
  if (ids.length === 0) return [];
  return db.getRepository(EnrolmentRow).find({ where: { id: In(ids.map((row) => row.id)) }, order: { id: 'ASC' } });
}

/**
 * Ends the child's open enrolment, wherever it is, as a transfer (the receiving school may not
 * reach the old one's row: a database function does it); returns the old school, or null if there was none.
 */
export async function transferOut(em: EntityManager, childId: string, on: string): Promise<string | null> {
  const [row]: { school_id: string | null }[] = await em.query(`SELECT transfer_out($1, $2) AS school_id`, [childId, on]);
  return row.school_id;
}

export async function insertEnrolment(em: EntityManager, enrolment: NewEnrolment): Promise<void> {
  await em.getRepository(EnrolmentRow).insert(enrolment);
}

export type EnrolmentStatusChange = Pick<EnrolmentRow, 'status' | 'endedOn' | 'statusChangedOn' | 'statusReason'>;

export async function updateEnrolmentStatus(em: EntityManager, current: EnrolmentRow, change: EnrolmentStatusChange): Promise<void> {
  await em.getRepository(EnrolmentRow).update({ id: current.id, version: current.version }, { ...change, version: current.version + 1 });
}

/** The filter of the pupils' working lists: school, and age from the registry's birth month. */
export interface PupilFilter {
  schoolId: string | null;
  minAge: number | null;
  maxAge: number | null;
}

/** Age in whole years today, from a registry copy row's birth month (the day is not published: the 1st is assumed). */
export const AGE_YEARS_SQL = (alias: string) => `date_part('year', age(current_date, (${alias}.birth_month || '-01')::date))::int`;

/**
 * Narrows a working list to registered children the caller reaches, by the filter (school, and age
 * from the registry's birth month); with `careRulesOnly`, to the children the care rules cover:
 * left-behind or in difficult circumstances, active, as the registry counts them today.
 */
export function wherePupils<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: { childId: string; schoolId: string },
  filter: PupilFilter,
  options: { careRulesOnly: boolean },
): SelectQueryBuilder<T> {
  const covered = options.careRulesOnly ? `AND r.status = 'ACTIVE' AND (r.is_left_behind OR r.in_difficulty)` : '';
  return query
    .andWhere(
      `EXISTS (SELECT 1 FROM registry_feed.child r WHERE r.child_id = ${columns.childId} ${covered}
                  AND (CAST(:minAge AS int) IS NULL OR ${AGE_YEARS_SQL('r')} >= CAST(:minAge AS int))
                  AND (CAST(:maxAge AS int) IS NULL OR ${AGE_YEARS_SQL('r')} <= CAST(:maxAge AS int)))`,
      { minAge: filter.minAge, maxAge: filter.maxAge },
    )
    .andWhere(filter.schoolId ? `${columns.schoolId} = :schoolId` : 'true', { schoolId: filter.schoolId });
}

/** A working list's page and count from one query: its rows after the cursor in id order, and how many it holds. */
export async function workingListPage<T extends ObjectLiteral>(
  query: () => SelectQueryBuilder<T>,
  idColumn: string,
  page: { afterId: string | null; limit: number },
): Promise<{ rows: T[]; totalCount: number }> {
  const [rows, totalCount] = await Promise.all([
    query()
      .andWhere(page.afterId ? `${idColumn} > :afterId` : 'true', { afterId: page.afterId })
      .orderBy(idColumn)
      .limit(page.limit)
      .getMany(),
    query().getCount(),
  ]);
  return { rows, totalCount };
}
