import { In, IsNull, type EntityManager } from 'typeorm';
import { wherePupils, workingListPage, type PupilFilter } from '../enrolment/enrolment.repository';
import { DropoutCaseRow, DropoutEscalationRow, PersuasionRow } from './dropout.entity';
import type { EscalationFacts, EscalationTarget } from './dropout.type';

export type NewDropoutCase = Pick<DropoutCaseRow, 'id' | 'childId' | 'schoolId' | 'cause' | 'absentSince' | 'openedOn' | 'createdBy'>;

/** Opens the child's case unless one is open (one plan per child, 一人一案); returns whether it opened one. */
export async function openDropoutCaseUnlessOpen(em: EntityManager, row: NewDropoutCase): Promise<boolean> {
  const opened: unknown[] = await em.query(
    `INSERT INTO dropout_case (id, child_id, school_id, cause, absent_since, opened_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (child_id) WHERE closed_on IS NULL DO NOTHING RETURNING id`,
    [row.id, row.childId, row.schoolId, row.cause, row.absentSince, row.openedOn, row.createdBy],
  );
  return opened.length > 0;
}

/** Closes the child's open case, if there is one (the child is back at school, or at another). */
export async function closeOpenDropoutCase(em: EntityManager, childId: string, on: string, outcome: string, note: string): Promise<void> {
  await em.query(
    `UPDATE dropout_case SET closed_on = greatest(opened_on, $2::date), outcome = $3, closing_note = $4, version = version + 1
      WHERE child_id = $1 AND closed_on IS NULL`,
    [childId, on, outcome, note],
  );
}

/** The case, locked until the transaction ends; null when the caller does not reach it. */
export function lockDropoutCase(em: EntityManager, id: string): Promise<DropoutCaseRow | null> {
  return em.getRepository(DropoutCaseRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function closeDropoutCase(em: EntityManager, current: DropoutCaseRow, change: Pick<DropoutCaseRow, 'closedOn' | 'outcome' | 'closingNote'>) {
  await em.getRepository(DropoutCaseRow).update({ id: current.id, version: current.version, closedOn: IsNull() }, { ...change, version: current.version + 1 });
}

export function findDropoutCasesByIds(db: EntityManager, ids: readonly string[]): Promise<DropoutCaseRow[]> {
  return db.getRepository(DropoutCaseRow).findBy({ id: In([...ids]) });
}

/** Every case of each child (a child has few); the loader picks the open or latest one. */
export function findDropoutCasesOfChildren(db: EntityManager, childIds: readonly string[]): Promise<DropoutCaseRow[]> {
  return db.getRepository(DropoutCaseRow).find({ where: { childId: In([...childIds]) }, order: { openedOn: 'DESC', createdAt: 'DESC' } });
}

export function findPersuasions(db: EntityManager, caseIds: readonly string[]): Promise<PersuasionRow[]> {
  return db.getRepository(PersuasionRow).find({ where: { caseId: In([...caseIds]) }, order: { attemptedOn: 'ASC', createdAt: 'ASC' } });
}

export function findEscalations(db: EntityManager, caseIds: readonly string[]): Promise<DropoutEscalationRow[]> {
  return db.getRepository(DropoutEscalationRow).find({ where: { caseId: In([...caseIds]) }, order: { reportedOn: 'ASC' } });
}

/** What the escalation rule computes for each case (the dropout_case_escalation view). */
export function findEscalationFacts(db: EntityManager, caseIds: readonly string[]): Promise<EscalationFacts[]> {
  return db.query(
    `SELECT case_id AS "caseId", unexcused_days AS "unexcusedDays", failed_school_persuasions AS "failedSchoolPersuasions",
            whereabouts_unknown AS "whereaboutsUnknown", required, due
       FROM dropout_case_escalation WHERE case_id = ANY ($1::uuid[])`,
    [caseIds],
  );
}

/** The ledger's filter. */
export interface DropoutCaseListFilter extends PupilFilter {
  open: boolean;
  escalationOverdue: boolean;
  overdueTo: EscalationTarget | null;
}

/** One page of the ledger and its count: every pupil's case (控辍保学 covers all pupils), narrowed by the filter. */
export function findDropoutCasePage(db: EntityManager, filter: DropoutCaseListFilter, page: { afterId: string | null; limit: number }) {
  const overdue = filter.escalationOverdue || filter.overdueTo !== null;
  const query = () =>
    wherePupils(db.getRepository(DropoutCaseRow).createQueryBuilder('c'), { childId: 'c.child_id', schoolId: 'c.school_id' }, filter, { careRulesOnly: false })
      .andWhere(filter.open ? 'c.closed_on IS NULL' : 'c.closed_on IS NOT NULL')
      .andWhere(
        overdue
          ? `EXISTS (SELECT 1 FROM dropout_case_escalation v WHERE v.case_id = c.id AND cardinality(v.due) > 0
                        AND (CAST(:overdueTo AS text) IS NULL OR CAST(:overdueTo AS text) = ANY (v.due)))`
          : 'true',
        { overdueTo: filter.overdueTo },
      );
  return workingListPage(query, 'c.id', page);
}
