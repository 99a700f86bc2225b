import { randomUUID } from 'node:crypto';
import type { EntityTarget } from 'typeorm';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { rowById } from '../../shared/child-records';
import { today } from '../../shared/dates';
import { createOnce, insertOnce } from '../../shared/idempotency';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { optionalText, pastDate, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { closeOpenDropoutCase, openDropoutCaseUnlessOpen } from '../dropout/dropout.repository';
import type { EnrolmentRow } from './enrolment.entity';
import type { ChangeEnrolmentStatusInput, EnrolInput, PupilListFilter } from './enrolment.inputs';
import {
  getEnrolment,
  insertEnrolment,
  lockEnrolment,
  transferOut,
  updateEnrolmentStatus,
  type EnrolmentStatusChange,
  type NewEnrolment,
  type PupilFilter,
} from './enrolment.repository';
import { EnrolmentStatus } from './enrolment.type';

/** The statuses each status may change to (a transfer happens by enrolling elsewhere; TRANSFERRED and GRADUATED are final). */
const NEXT_STATUSES: Record<string, EnrolmentStatus[]> = {
  ENROLLED: [EnrolmentStatus.SUSPENDED, EnrolmentStatus.DROPPED_OUT, EnrolmentStatus.GRADUATED],
  SUSPENDED: [EnrolmentStatus.ENROLLED, EnrolmentStatus.DROPPED_OUT],
  DROPPED_OUT: [EnrolmentStatus.ENROLLED],
};

const MAX_AGE_FILTER = 18;

/** The enrolment rules: a child is enrolled at one school at a time, and a new school is a transfer. */
export class EnrolmentService {
  /**
   * Enrols a child at a school, ending an open enrolment elsewhere as TRANSFERRED, in one
   * transaction: the child's records and care follow it (the old school's care assignment ends,
   * an open dropout case closes as returned or transferred). A retry with the same idempotency key
   * returns the first enrolment.
   */
  async enrol(ctx: EducationContext, input: EnrolInput, idempotencyKey: string | null): Promise<EnrolmentRow> {
    const childId = uuid(input.childId, 'childId');
    const schoolId = uuid(input.schoolId, 'schoolId');
    if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 12) throw badInput('grade must be 1 to 12.', 'grade');
    const enrolledOn = input.enrolledOn ? pastDate(input.enrolledOn, 'enrolledOn') : today();
    const row: NewEnrolment = {
      id: randomUUID(),
      childId,
      schoolId,
      grade: input.grade,
      className: optionalText(input.className, 'className', 30),
      studentNumber: optionalText(input.studentNumber, 'studentNumber', 30),
      boarding: input.boarding,
      status: 'ENROLLED',
      enrolledOn,
      version: 1,
      createdBy: ctx.principal.sub,
    };
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    // A school record follows the child whatever its registry status: archived children still go to school.
    await requireRegisteredChild(ctx.db, childId, { archived: 'allowed' });
    try {
      const { id } = await ctx.db.transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'enrol', key: idempotencyKey, payload: input }, async () => {
          const previousSchool = await transferOut(em, childId, enrolledOn);
          if (previousSchool === schoolId) {
            throw new DomainError(ErrorCode.CONFLICT, 'The child is already enrolled at this school.', { field: 'schoolId' });
          }
          await insertEnrolment(em, row);
          await closeOpenDropoutCase(em, childId, enrolledOn, previousSchool ? 'TRANSFERRED' : 'RETURNED', `Enrolled at another school on ${enrolledOn}.`);
          return row.id;
        }),
      );
      return getEnrolment(ctx.db, id);
    } catch (err) {
      // Two enrolments of the same child racing: the unique index lets one through.
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.CONFLICT, 'The child was enrolled by someone else at the same moment. Read again and retry.');
      }
      throw err;
    }
  }

  /**
   * Suspends (休学), resumes, records a dropout (辍学, which opens the child's dropout case unless
   * one is open) or a graduation, with its date, if the enrolment is still at expectedVersion. Leaving
   * the school ends the care assignment there; returning after a dropout closes the case as returned.
   */
  async changeStatus(ctx: EducationContext, input: ChangeEnrolmentStatusInput): Promise<EnrolmentRow> {
    const id = uuid(input.enrolmentId, 'enrolmentId');
    const on = input.on ? pastDate(input.on, 'on') : today();
    const reason = optionalText(input.reason, 'reason', 200);
    await ctx.db
      .transaction(async (em) => {
        const current = await lockEnrolment(em, id);
        if (!current) throw notFound('Enrolment', id);
        if (current.version !== input.expectedVersion) {
          throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The enrolment was changed since you read it. Read it again and retry.', {
            currentVersion: current.version,
          });
        }
        if (!(NEXT_STATUSES[current.status] ?? []).includes(input.status)) {
          throw badInput(`An enrolment that is ${current.status} cannot become ${input.status}.`, 'status');
        }
        if (on < current.enrolledOn) throw badInput('on must not be before the enrolment began.', 'on');
        const leaves = input.status === EnrolmentStatus.DROPPED_OUT || input.status === EnrolmentStatus.GRADUATED;
        const change: EnrolmentStatusChange = { status: input.status, endedOn: leaves ? on : null, statusChangedOn: on, statusReason: reason };
        await updateEnrolmentStatus(em, current, change);
        if (input.status === EnrolmentStatus.DROPPED_OUT) {
          await openDropoutCaseUnlessOpen(em, {
            id: randomUUID(),
            childId: current.childId,
            schoolId: current.schoolId,
            cause: 'DROPPED_OUT',
            absentSince: on,
            openedOn: today(),
            createdBy: ctx.principal.sub,
          });
        } else if (current.status === 'DROPPED_OUT') {
          await closeOpenDropoutCase(em, current.childId, on, 'RETURNED', `Back at school on ${on}.`);
        }
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new DomainError(ErrorCode.CONFLICT, 'The child is enrolled at another school now.', { field: 'status' });
        throw err;
      });
    return getEnrolment(ctx.db, id);
  }
}

/**
 * Every school record about a child (talk, absence, visit, screening…) is written for a current
 * pupil of a school the caller reaches: after the registry check (unknown → NOT_FOUND, archived →
 * CHILD_ARCHIVED), the child's open enrolment, which row security shows only to the child's current
 * school and its county, so a school the child left can no longer write about it.
 */
export async function requireCurrentPupil(ctx: EducationContext, childId: string, schoolId?: string): Promise<EnrolmentRow> {
  await requireRegisteredChild(ctx.db, childId, { archived: 'refused' });
  const enrolment = await ctx.loaders.currentEnrolmentByChildId.load(childId);
  if (!enrolment) {
    throw new DomainError(ErrorCode.NOT_FOUND, 'The child is not enrolled at a school you reach.', { id: childId, field: 'childId' });
  }
  if (schoolId && enrolment.schoolId !== schoolId) throw badInput('The child is not enrolled at this school.', 'schoolId');
  return enrolment;
}

/** What every school record about a pupil carries besides its own facts. */
type PupilRecordKeys = 'id' | 'childId' | 'schoolId' | 'createdBy' | 'createdAt';

/**
 * The common create of a school record about a pupil: the pupil check, then the record (the
 * pupil's school, the caller, the facts, which may depend on the pupil's enrolment) inserted once
 * per idempotency key, in one transaction. Returns the stored row.
 */
export async function recordForPupil<T extends { id: string; childId: string; schoolId: string; createdBy: string; createdAt: Date }>(
  ctx: EducationContext,
  write: {
    childId: string;
    operation: string;
    idempotencyKey: string | null;
    /** The client's input as sent: a retry must send the same (IDEMPOTENCY_KEY_REUSED otherwise). */
    payload: unknown;
    entity: EntityTarget<T>;
    facts: Omit<T, PupilRecordKeys> | ((pupil: EnrolmentRow) => Omit<T, PupilRecordKeys>);
  },
): Promise<T> {
  const pupil = await requireCurrentPupil(ctx, write.childId);
  const facts = typeof write.facts === 'function' ? write.facts(pupil) : write.facts;
  const row = { ...facts, id: randomUUID(), childId: write.childId, schoolId: pupil.schoolId, createdBy: ctx.principal.sub, createdAt: new Date() } as T;
  const { id } = await insertOnce(
    ctx.db,
    { principal: ctx.principal.sub, operation: write.operation, key: write.idempotencyKey, payload: write.payload },
    write.entity,
    row,
  );
  return rowById(ctx.db, write.entity, id);
}

/** Checks a working list's filter. */
export function pupilFilter(filter: PupilListFilter | null | undefined): PupilFilter {
  const age = (value: number | null | undefined, field: string) => {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 0 || value > MAX_AGE_FILTER) throw badInput(`${field} must be between 0 and ${MAX_AGE_FILTER}.`, `filter.${field}`);
    return value;
  };
  const checked = {
    schoolId: filter?.schoolId ? uuid(filter.schoolId, 'filter.schoolId') : null,
    minAge: age(filter?.minAge, 'minAge'),
    maxAge: age(filter?.maxAge, 'maxAge'),
  };
  if (checked.minAge !== null && checked.maxAge !== null && checked.minAge > checked.maxAge) throw badInput('minAge must not exceed maxAge.', 'filter.minAge');
  return checked;
}
