import { In, IsNull, type EntityManager } from 'typeorm';
import { CareAssignmentRow } from './care.entity';

export type NewCareAssignment = Omit<CareAssignmentRow, 'endedOn' | 'createdAt'>;

/** Each child's current assignment (the one not ended). */
export function findCurrentCareAssignments(db: EntityManager, childIds: readonly string[]): Promise<CareAssignmentRow[]> {
  return db.getRepository(CareAssignmentRow).findBy({ childId: In([...childIds]), endedOn: IsNull() });
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
