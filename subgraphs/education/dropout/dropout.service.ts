import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { pupilFilter } from '../enrolment/enrolment.service';
import { DropoutCaseRow, DropoutEscalationRow, PersuasionRow } from './dropout.entity';
import type { CloseDropoutCaseInput, DropoutCaseFilter, RecordEscalationInput, RecordPersuasionInput } from './dropout.inputs';
import { closeDropoutCase, findDropoutCasePage, lockDropoutCase } from './dropout.repository';
import { DropoutOutcome } from './dropout.type';

/**
 * The dropout-prevention rules (控辍保学, seeds 002 and 004): one open case per child, opened on an
 * unexcused absence or a dropout; persuasion attempts and reports are added while it is open; the
 * escalation due is computed by the database view from the absences, attempts and reports.
 */
export class DropoutService {
  /** Adds a persuasion attempt to an open case; returns the case. */
  async recordPersuasion(ctx: EducationContext, input: RecordPersuasionInput, idempotencyKey: string | null): Promise<DropoutCaseRow> {
    const fields = {
      attemptedOn: input.attemptedOn ? pastDate(input.attemptedOn, 'attemptedOn') : today(),
      persuader: input.persuader,
      persuadedBy: requiredText(input.persuadedBy, 'persuadedBy', 100),
      outcome: input.outcome,
      note: optionalText(input.note, 'note', 1000),
    };
    const found = await this.openCase(ctx, input.caseId);
    if (fields.attemptedOn < found.absentSince) throw badInput('attemptedOn must not be before the case’s first day missed.', 'attemptedOn');
    const row: Omit<PersuasionRow, 'createdAt'> = { id: randomUUID(), caseId: found.id, childId: found.childId, ...fields, createdBy: ctx.principal.sub };
    await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'recordPersuasion', key: idempotencyKey, payload: input }, PersuasionRow, row);
    return found;
  }

  /** Records a report of an open case (once per body); returns the case. */
  async recordEscalation(ctx: EducationContext, input: RecordEscalationInput, idempotencyKey: string | null): Promise<DropoutCaseRow> {
    const fields = {
      target: input.target,
      reportedOn: input.reportedOn ? pastDate(input.reportedOn, 'reportedOn') : today(),
      reportedBy: requiredText(input.reportedBy, 'reportedBy', 100),
      note: optionalText(input.note, 'note', 1000),
    };
    const found = await this.openCase(ctx, input.caseId);
    const row: Omit<DropoutEscalationRow, 'createdAt'> = {
      id: randomUUID(),
      caseId: found.id,
      childId: found.childId,
      ...fields,
      createdBy: ctx.principal.sub,
    };
    try {
      await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'recordEscalation', key: idempotencyKey, payload: input }, DropoutEscalationRow, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.CONFLICT, `The case was already reported to ${input.target}.`, { field: 'target' });
      throw err;
    }
    return found;
  }

  /** Closes an open case if it is still at expectedVersion. */
  async close(ctx: EducationContext, input: CloseDropoutCaseInput): Promise<DropoutCaseRow> {
    const id = uuid(input.caseId, 'caseId');
    const closedOn = input.closedOn ? pastDate(input.closedOn, 'closedOn') : today();
    const note = optionalText(input.note, 'note', 500);
    if (input.outcome === DropoutOutcome.OTHER && !note) throw badInput('Say why in note when the outcome is OTHER.', 'note');
    await ctx.db.transaction(async (em) => {
      const current = await lockDropoutCase(em, id);
      if (!current) throw notFound('DropoutCase', id);
      if (current.version !== input.expectedVersion) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The case was changed since you read it. Read it again and retry.', {
          currentVersion: current.version,
        });
      }
      if (current.closedOn) throw new DomainError(ErrorCode.CONFLICT, 'The case is already closed.');
      if (closedOn < current.openedOn) throw badInput('closedOn must not be before the case was opened.', 'closedOn');
      await closeDropoutCase(em, current, { closedOn, outcome: input.outcome, closingNote: note });
    });
    return (await ctx.loaders.dropoutCaseById.clear(id).load(id))!;
  }

  /** One page of the ledger and the count of the whole list, among the cases the caller reaches. */
  list(ctx: EducationContext, filter: DropoutCaseFilter | null, window: PageWindow) {
    return findDropoutCasePage(
      ctx.db,
      { ...pupilFilter(filter), open: filter?.open ?? true, escalationOverdue: filter?.escalationOverdue ?? false, overdueTo: filter?.overdueTo ?? null },
      window,
    );
  }

  /** The open case the caller reaches, its child checked against the registry (dropout work goes on for an archived file too). */
  private async openCase(ctx: EducationContext, caseId: string): Promise<DropoutCaseRow> {
    const id = uuid(caseId, 'caseId');
    const found = await ctx.loaders.dropoutCaseById.load(id);
    if (!found) throw notFound('DropoutCase', id);
    await requireRegisteredChild(ctx.db, found.childId, { archived: 'allowed' });
    if (found.closedOn) throw new DomainError(ErrorCode.CONFLICT, 'The case is closed: open work goes in a new case.', { field: 'caseId' });
    return found;
  }
}
