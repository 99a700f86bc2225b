import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { ProtectionReportRow, ProtectionStepRow } from './protection-report.entity';

/** Data access for protection reports and their handling steps. */

export type NewProtectionReport = Omit<ProtectionReportRow, 'reportedAt' | 'status' | 'outcome' | 'outcomeNotes' | 'closedAt' | 'closedBy' | 'version'>;

export function findReportsByIds(db: EntityManager, ids: readonly string[]): Promise<ProtectionReportRow[]> {
  return db.getRepository(ProtectionReportRow).findBy({ id: In([...ids]) });
}

export function findReportsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ProtectionReportRow[]> {
  return db.getRepository(ProtectionReportRow).find({ where: { childId: In([...childIds]) }, order: { reportedAt: 'DESC' } });
}

export function findStepsByReportIds(db: EntityManager, reportIds: readonly string[]): Promise<ProtectionStepRow[]> {
  return db.getRepository(ProtectionStepRow).find({ where: { reportId: In([...reportIds]) }, order: { takenAt: 'ASC', recordedAt: 'ASC' } });
}

/** Whether the caller reaches the child whatever its file's status (reports are about children at risk now, archived or not). */
export async function childReachable(em: EntityManager, childId: string): Promise<boolean> {
  const [row]: { reachable: boolean }[] = await em.query(`SELECT app_child_reachable($1) AS reachable`, [childId]);
  return row.reachable;
}

export async function insertReport(em: EntityManager, row: NewProtectionReport): Promise<void> {
  await em.getRepository(ProtectionReportRow).insert(row);
}

export function getReport(db: EntityManager, id: string): Promise<ProtectionReportRow> {
  return db.getRepository(ProtectionReportRow).findOneByOrFail({ id });
}

export function lockReport(em: EntityManager, id: string): Promise<ProtectionReportRow | null> {
  return em.getRepository(ProtectionReportRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function insertStep(em: EntityManager, row: Omit<ProtectionStepRow, 'recordedAt'>): Promise<void> {
  await em.getRepository(ProtectionStepRow).insert(row);
}

export async function updateReportIfVersion(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<ProtectionReportRow, 'status' | 'outcome' | 'outcomeNotes' | 'closedBy'>> & { close?: boolean },
): Promise<boolean> {
  const { close, ...set } = changes;
  const result = await em
    .createQueryBuilder()
    .update(ProtectionReportRow)
    .set({ ...set, ...(close ? { closedAt: () => 'now()' } : {}), version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}

/** The reports with one of these statuses the caller may read, in id order. */
function reportsWithStatus(db: EntityManager, statuses: string[]) {
  return db.getRepository(ProtectionReportRow).createQueryBuilder('r').where('r.status IN (:...statuses)', { statuses });
}

export function findReportsWithStatus(db: EntityManager, statuses: string[], window: PageWindow): Promise<ProtectionReportRow[]> {
  return reportsWithStatus(db, statuses)
    .andWhere(window.afterId ? 'r.id > :afterId' : 'true', { afterId: window.afterId })
    .orderBy('r.id')
    .limit(window.limit)
    .getMany();
}

export function countReportsWithStatus(db: EntityManager, statuses: string[]): Promise<number> {
  return reportsWithStatus(db, statuses).getCount();
}

/** One page of the reports the caller filed, in id order. */
export function findReportsFiledBy(db: EntityManager, reporterSub: string, window: PageWindow): Promise<ProtectionReportRow[]> {
  return db
    .getRepository(ProtectionReportRow)
    .createQueryBuilder('r')
    .where('r.reporter_sub = :reporterSub', { reporterSub })
    .andWhere(window.afterId ? 'r.id > :afterId' : 'true', { afterId: window.afterId })
    .orderBy('r.id')
    .limit(window.limit)
    .getMany();
}
