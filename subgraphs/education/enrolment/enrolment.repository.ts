import { In, type EntityManager } from 'typeorm';
import { EnrolmentRow } from './enrolment.entity';

export type NewEnrolment = Omit<EnrolmentRow, 'endedOn' | 'createdAt'>;

export function findCurrentEnrolments(db: EntityManager, childIds: readonly string[]): Promise<EnrolmentRow[]> {
  return db.getRepository(EnrolmentRow).findBy({ childId: In([...childIds]), status: 'ENROLLED' });
}

/** The row with this id, which must exist (the one a create returned). */
export function getEnrolment(db: EntityManager, id: string): Promise<EnrolmentRow> {
  return db.getRepository(EnrolmentRow).findOneByOrFail({ id });
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

/** Ends the child's current enrolment as a transfer; returns it, or null if there was none. */
export async function endCurrentEnrolment(em: EntityManager, childId: string, endedOn: string): Promise<EnrolmentRow | null> {
  const current = await em.getRepository(EnrolmentRow).findOne({
    where: { childId, status: 'ENROLLED' },
    lock: { mode: 'pessimistic_write' },
  });
  if (!current) return null;
  await em.getRepository(EnrolmentRow).update({ id: current.id }, { status: 'TRANSFERRED', endedOn, version: current.version + 1 });
  return current;
}

export async function insertEnrolment(em: EntityManager, enrolment: NewEnrolment): Promise<void> {
  await em.getRepository(EnrolmentRow).insert(enrolment);
}
