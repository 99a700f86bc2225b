import type { EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import { ParentContactRow } from './parent-contact.entity';

/** Each child's newest parent contacts. */
export function findNewestParentContacts(db: EntityManager, childIds: readonly string[], last: number): Promise<ParentContactRow[]> {
  return newestPerChild(db, ParentContactRow, childIds, last, { column: 'contacted_on', property: 'contactedOn' });
}

/** The school of the child's current enrolment, from education's enrolment set, among the caller's schools; null when not one of them. */
export async function findPupilSchool(db: EntityManager, childId: string): Promise<string | null> {
  const [row]: { schoolId: string }[] = await db.query(
    `SELECT school_id AS "schoolId" FROM enrolment_feed.enrolment WHERE child_id = $1 AND status = 'ENROLLED' AND school_id::text = ANY (app_list('app.schools'))`,
    [childId],
  );
  return row?.schoolId ?? null;
}
