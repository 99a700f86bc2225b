import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { optionalText, pastDate, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import type { EnrolmentRow } from './enrolment.entity';
import type { EnrolInput } from './enrolment.inputs';
import { endCurrentEnrolment, getEnrolment, insertEnrolment, type NewEnrolment } from './enrolment.repository';

/** The enrolment rules: a child is enrolled at one school at a time, and a new school is a transfer. */
export class EnrolmentService {
  /**
   * Enrols a child at a school, ending a current enrolment elsewhere as TRANSFERRED, in one
   * transaction; a retry with the same idempotency key returns the first enrolment.
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
          const previous = await endCurrentEnrolment(em, childId, enrolledOn);
          if (previous?.schoolId === schoolId) {
            throw new DomainError(ErrorCode.CONFLICT, 'The child is already enrolled at this school.', { field: 'schoolId' });
          }
          await insertEnrolment(em, row);
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
}
