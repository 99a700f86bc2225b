import { In, type EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import { AbsenceRow } from './attendance.entity';

export type NewAbsence = Omit<AbsenceRow, 'createdAt'>;

/** The absences already recorded for these children on the day. */
export function findAbsencesOn(db: EntityManager, childIds: readonly string[], absentOn: string): Promise<AbsenceRow[]> {
  return db.getRepository(AbsenceRow).findBy({ childId: In([...childIds]), absentOn });
}

export async function insertAbsences(em: EntityManager, rows: NewAbsence[]): Promise<void> {
  await em.getRepository(AbsenceRow).insert(rows);
}

export function lockAbsence(em: EntityManager, id: string): Promise<AbsenceRow | null> {
  return em.getRepository(AbsenceRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function updateAbsence(em: EntityManager, current: AbsenceRow, change: Pick<AbsenceRow, 'excused' | 'reason'>): Promise<void> {
  await em.getRepository(AbsenceRow).update({ id: current.id, version: current.version }, { ...change, version: current.version + 1 });
}

/** Each child's newest absences. */
export function findNewestAbsences(db: EntityManager, childIds: readonly string[], last: number): Promise<AbsenceRow[]> {
  return newestPerChild(db, AbsenceRow, childIds, last, { column: 'absent_on', property: 'absentOn' });
}
