import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalText, pastDate, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { openDropoutCaseUnlessOpen } from '../dropout/dropout.repository';
import type { AbsenceRow } from './attendance.entity';
import type { CorrectAbsenceInput, RecordAbsencesInput } from './attendance.inputs';
import { findAbsencesOn, insertAbsences, lockAbsence, updateAbsence, type NewAbsence } from './attendance.repository';

const MAX_ENTRIES = 100;

/**
 * The attendance rules (考勤): a pupil is absent at most once a day, at the school it is enrolled
 * at; an unexcused absence goes into the dropout ledger at once (第一时间记入控辍保学工作台账):
 * it opens the child's dropout case unless one is open.
 */
export class AttendanceService {
  /** Records one day's absences at a school, all or none; a retry with the same idempotency key records them once. */
  async record(ctx: EducationContext, input: RecordAbsencesInput, idempotencyKey: string | null): Promise<AbsenceRow[]> {
    const schoolId = uuid(input.schoolId, 'schoolId');
    const absentOn = pastDate(input.absentOn, 'absentOn');
    if (input.absences.length < 1 || input.absences.length > MAX_ENTRIES) throw badInput(`absences must hold 1 to ${MAX_ENTRIES} pupils.`, 'absences');
    const rows: NewAbsence[] = input.absences.map((entry, index) => ({
      id: randomUUID(),
      childId: uuid(entry.childId, `absences.${index}.childId`),
      schoolId,
      absentOn,
      excused: entry.excused,
      reason: optionalText(entry.reason, `absences.${index}.reason`, 200),
      version: 1,
      createdBy: ctx.principal.sub,
    }));
    const childIds = rows.map((row) => row.childId);
    if (new Set(childIds).size !== childIds.length) throw badInput('Each pupil may appear once in absences.', 'absences');
    await this.requirePupilsOn(ctx, childIds, schoolId, absentOn);
    try {
      await ctx.db.transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'recordAbsences', key: idempotencyKey, payload: input }, async () => {
          const [already] = await findAbsencesOn(em, childIds, absentOn);
          if (already) {
            throw new DomainError(ErrorCode.CONFLICT, `An absence on ${absentOn} is already recorded for ${already.childId}: correct it with correctAbsence.`, {
              id: already.id,
              field: 'absences',
            });
          }
          await insertAbsences(em, rows);
          for (const row of rows.filter((candidate) => !candidate.excused)) await this.openCase(em, row, ctx.principal.sub);
          return rows[0].id;
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DomainError(ErrorCode.CONFLICT, 'Someone recorded an absence of one of these pupils that day at the same moment. Read again and retry.');
      throw err;
    }
    // A replay returns what the first call recorded.
    return findAbsencesOn(ctx.db, childIds, absentOn);
  }

  /** Corrects an absence if it is still at expectedVersion; turning it unexcused opens a dropout case unless one is open. */
  async correct(ctx: EducationContext, input: CorrectAbsenceInput): Promise<AbsenceRow> {
    const id = uuid(input.id, 'id');
    const reason = optionalText(input.reason, 'reason', 200);
    return ctx.db.transaction(async (em) => {
      const current = await lockAbsence(em, id);
      if (!current) throw notFound('Absence', id);
      if (current.version !== input.expectedVersion) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The absence was changed since you read it. Read it again and retry.', {
          currentVersion: current.version,
        });
      }
      await updateAbsence(em, current, { excused: input.excused, reason });
      if (!input.excused) await this.openCase(em, current, ctx.principal.sub);
      return { ...current, excused: input.excused, reason, version: current.version + 1 };
    });
  }

  /** Every child must be registered and enrolled at the school now, from before the day. */
  private async requirePupilsOn(ctx: EducationContext, childIds: string[], schoolId: string, absentOn: string): Promise<void> {
    const [registered, enrolments] = await Promise.all([
      ctx.loaders.registeredChildById.loadMany(childIds),
      ctx.loaders.currentEnrolmentByChildId.loadMany(childIds),
    ]);
    childIds.forEach((childId, index) => {
      const enrolment = enrolments[index];
      if (!registered[index] || !enrolment || enrolment instanceof Error) {
        throw new DomainError(ErrorCode.NOT_FOUND, `Child ${childId} is not enrolled at a school you reach.`, { id: childId, field: 'absences' });
      }
      if (enrolment.schoolId !== schoolId || enrolment.status !== 'ENROLLED') throw badInput(`Child ${childId} is not at this school now.`, 'absences');
      if (absentOn < enrolment.enrolledOn) throw badInput(`Child ${childId} was not enrolled yet on ${absentOn}.`, 'absentOn');
    });
  }

  private async openCase(em: Parameters<typeof openDropoutCaseUnlessOpen>[0], absence: Pick<AbsenceRow, 'childId' | 'schoolId' | 'absentOn'>, by: string) {
    await openDropoutCaseUnlessOpen(em, {
      id: randomUUID(),
      childId: absence.childId,
      schoolId: absence.schoolId,
      cause: 'UNEXCUSED_ABSENCE',
      absentSince: absence.absentOn,
      openedOn: today(),
      createdBy: by,
    });
  }
}
