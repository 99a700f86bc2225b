import { randomUUID } from 'node:crypto';
import { badInput, DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { optionalPhone, optionalText, requiredText, uuid } from '../../shared/validation';
import { versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import type { ProtectionReportRow, ProtectionStepRow } from './protection-report.entity';
import type { FileProtectionReportInput, RecordProtectionStepInput } from './protection-report.inputs';
import {
  childReachable,
  countReportsWithStatus,
  findReportsFiledBy,
  findReportsWithStatus,
  getReport,
  insertReport,
  insertStep,
  lockReport,
  updateReportIfVersion,
} from './protection-report.repository';
import {
  NotifiedBody,
  ProtectionCategory,
  ProtectionReportStatus,
  ProtectionStepAction,
  type BodyToNotify,
  type ProtectionOutcome,
} from './protection-report.type';

const { POLICE, CIVIL_AFFAIRS, EDUCATION, TOWNSHIP_GOVERNMENT } = NotifiedBody;

/**
 * Who a report goes to, in order, by category. The police always first: schools and their staff
 * report these six situations to the police at once (seed 000, 强制报告机制); harm or suspected harm
 * also to the county education bureau and civil affairs (seed 002 三(八)5); a missing child to the
 * township government, which searches with the police (seed 004 三(二)); a child without capable
 * care to civil affairs and the township, which check entrusted care and notify the parents (seed
 * 004 三(三)).
 */
export const BODIES_TO_NOTIFY: Readonly<Record<ProtectionCategory, readonly NotifiedBody[]>> = {
  [ProtectionCategory.LIVING_ALONE_UNSUPERVISED]: [POLICE, CIVIL_AFFAIRS, TOWNSHIP_GOVERNMENT],
  [ProtectionCategory.MISSING]: [POLICE, TOWNSHIP_GOVERNMENT],
  [ProtectionCategory.GUARDIAN_UNABLE_OR_NEGLECTING]: [POLICE, CIVIL_AFFAIRS, TOWNSHIP_GOVERNMENT],
  [ProtectionCategory.SUSPECTED_DOMESTIC_VIOLENCE]: [POLICE, CIVIL_AFFAIRS, EDUCATION],
  [ProtectionCategory.SUSPECTED_INJURY]: [POLICE, CIVIL_AFFAIRS, EDUCATION],
  [ProtectionCategory.SUSPECTED_UNLAWFUL_HARM]: [POLICE, CIVIL_AFFAIRS, EDUCATION],
};

/** The open statuses: what "open reports" lists unless a status is named. */
const OPEN = [ProtectionReportStatus.FILED, ProtectionReportStatus.IN_PROGRESS];

/**
 * Files a report about a child the caller reaches, even one whose file is archived (the child is at
 * risk now). The reporter is the caller; a retry with the same key returns the first report.
 */
export async function fileReport(ctx: CivilAffairsContext, input: FileProtectionReportInput, key: string | null): Promise<ProtectionReportRow> {
  const childId = uuid(input.childId, 'input.childId');
  const row = {
    id: randomUUID(),
    childId,
    category: input.category,
    facts: requiredText(input.facts, 'input.facts', 4000),
    reporterSub: ctx.principal.sub,
    reporterOrg: ctx.principal.org,
    reporterName: requiredText(input.reporterName, 'input.reporterName', 50),
    reporterPhone: optionalPhone(input.reporterPhone, 'input.reporterPhone'),
    notifyBodies: [...BODIES_TO_NOTIFY[input.category]],
  };
  const { id } = await ctx.db.transaction((em) =>
    createOnce(em, { principal: ctx.principal.sub, operation: 'fileProtectionReport', key, payload: input }, async () => {
      if (!(await childReachable(em, childId))) throw notFound('Child', childId);
      await insertReport(em, row);
      return row.id;
    }),
  );
  return getReport(ctx.db, id);
}

/** The report, locked, at `expectedVersion` and still open. */
async function openReportAt(em: Parameters<typeof lockReport>[0], id: string, expectedVersion: number): Promise<ProtectionReportRow> {
  const report = await lockReport(em, id);
  if (!report) throw notFound('ProtectionReport', id);
  if (report.version !== expectedVersion) throw versionConflict(report.version);
  if (report.status === ProtectionReportStatus.CLOSED) throw new DomainError(ErrorCode.INVALID_STATE, 'The report is closed.', { id });
  return report;
}

/** Records a handling step; the first one puts the report IN_PROGRESS. */
export async function recordStep(ctx: CivilAffairsContext, input: RecordProtectionStepInput): Promise<ProtectionReportRow> {
  const reportId = uuid(input.reportId, 'input.reportId');
  if (input.action === ProtectionStepAction.NOTIFIED && !input.body) throw badInput('input.body must name the body notified.', 'input.body');
  const takenAt = input.takenAt ?? new Date();
  if (takenAt.getTime() > Date.now() + 60_000) throw badInput('input.takenAt must not be in the future.', 'input.takenAt');
  const notes = optionalText(input.notes, 'input.notes', 2000);
  return ctx.db.transaction(async (em) => {
    const report = await openReportAt(em, reportId, input.expectedVersion);
    if (takenAt < report.reportedAt) throw badInput('input.takenAt must not be before the report was filed.', 'input.takenAt');
    await insertStep(em, {
      id: randomUUID(),
      reportId,
      childId: report.childId,
      action: input.action,
      body: input.body ?? null,
      takenAt,
      notes,
      recordedBy: ctx.principal.sub,
    });
    if (!(await updateReportIfVersion(em, reportId, input.expectedVersion, { status: ProtectionReportStatus.IN_PROGRESS }))) throw versionConflict(null);
    return getReport(em, reportId);
  });
}

/** Closes a report with its outcome. */
export async function closeReport(
  ctx: CivilAffairsContext,
  id: string,
  expectedVersion: number,
  outcome: ProtectionOutcome,
  notes: string | null | undefined,
): Promise<ProtectionReportRow> {
  const outcomeNotes = optionalText(notes, 'notes', 2000);
  return ctx.db.transaction(async (em) => {
    await openReportAt(em, id, expectedVersion);
    const changes = { status: ProtectionReportStatus.CLOSED, outcome, outcomeNotes, closedBy: ctx.principal.sub, close: true };
    if (!(await updateReportIfVersion(em, id, expectedVersion, changes))) throw versionConflict(null);
    return getReport(em, id);
  });
}

/** The bodies a report goes to, in order, with when each was notified (its first NOTIFIED step). */
export function bodiesToNotify(report: ProtectionReportRow, steps: ProtectionStepRow[]): BodyToNotify[] {
  return report.notifyBodies.map((body, index) => ({
    childId: report.childId,
    body: body as NotifiedBody,
    order: index + 1,
    notifiedAt: steps.find((step) => step.action === ProtectionStepAction.NOTIFIED && step.body === body)?.takenAt ?? null,
  }));
}

/** A page of the reports with the status (all open ones when none is named) and how many there are. */
export async function reportsWithStatus(
  ctx: CivilAffairsContext,
  status: ProtectionReportStatus | null,
  window: PageWindow,
): Promise<{ rows: ProtectionReportRow[]; totalCount: number }> {
  const statuses = status ? [status] : OPEN;
  const rows = await findReportsWithStatus(ctx.db, statuses, window);
  const totalCount = await countReportsWithStatus(ctx.db, statuses);
  for (const row of rows) ctx.loaders.protectionReportById.prime(row.id, row);
  return { rows, totalCount };
}

/** A page of the reports the caller filed. */
export function reportsFiledByCaller(ctx: CivilAffairsContext, window: PageWindow): Promise<ProtectionReportRow[]> {
  return findReportsFiledBy(ctx.db, ctx.principal.sub, window);
}
