import { IsNull, type EntityManager } from 'typeorm';
import { EnrolmentRow } from '../enrolment/enrolment.entity';
import { CareAssignmentRow } from './care.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewCareAssignment = Omit<CareAssignmentRow, 'endedOn' | 'createdAt'>;

/** Each child's current assignment (the one not ended). */
/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const CURRENT_BY_CHILD_IDS = preparedStatement(
  'current_care_by_child_ids',
  `SELECT id, child_id, school_id, teacher_name, teacher_phone, role, assigned_on, ended_on, created_at, created_by
     FROM care_assignment WHERE child_id = ANY ($1::uuid[]) AND ended_on IS NULL`,
);

export function findCurrentCareAssignments(db: EntityManager, childIds: readonly string[]): Promise<CareAssignmentRow[]> {
  return findPrepared(db, CareAssignmentRow, CURRENT_BY_CHILD_IDS, [childIds]);
}

/** The row with this id, which must exist (the one a create returned). */
export function getCareAssignment(db: EntityManager, id: string): Promise<CareAssignmentRow> {
  return db.getRepository(CareAssignmentRow).findOneByOrFail({ id });
}

/** Ends the child's current assignment, if there is one. */
export async function endCurrentCareAssignment(em: EntityManager, childId: string, endedOn: string): Promise<void> {
  await em.getRepository(CareAssignmentRow).update({ childId, endedOn: IsNull() }, { endedOn });
}

export async function insertCareAssignment(em: EntityManager, assignment: NewCareAssignment): Promise<void> {
  await em.getRepository(CareAssignmentRow).insert(assignment);
}

/**
 * Current enrolments of children the care rules are for (left-behind or in difficult
 * circumstances, active in the registry) who have no care-responsible person now: education's own
 * rows joined with its copy of the registry set.
 */
function enrolmentsWithoutCarePerson(db: EntityManager, schoolId: string | null) {
  return db
    .getRepository(EnrolmentRow)
    .createQueryBuilder('e')
    .where(`e.status = 'ENROLLED'`)
    .andWhere(`EXISTS (SELECT 1 FROM registry_feed.child r WHERE r.child_id = e.child_id AND r.status = 'ACTIVE' AND (r.is_left_behind OR r.in_difficulty))`)
    .andWhere('NOT EXISTS (SELECT 1 FROM care_assignment c WHERE c.child_id = e.child_id AND c.ended_on IS NULL)')
    .andWhere(schoolId ? 'e.school_id = :schoolId' : 'true', { schoolId });
}

/** One page of that list, in id order, in one statement. */
export function findEnrolmentsWithoutCarePerson(
  db: EntityManager,
  schoolId: string | null,
  page: { afterId: string | null; limit: number },
): Promise<EnrolmentRow[]> {
  return enrolmentsWithoutCarePerson(db, schoolId)
    .andWhere(page.afterId ? 'e.id > :afterId' : 'true', { afterId: page.afterId })
    .orderBy('e.id')
    .limit(page.limit)
    .getMany();
}

/** How many the whole list holds, in one statement. */
export function countEnrolmentsWithoutCarePerson(db: EntityManager, schoolId: string | null): Promise<number> {
  return enrolmentsWithoutCarePerson(db, schoolId).getCount();
}
