import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalPhone, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import type { CareAssignmentRow } from './care.entity';
import type { AssignCareTeacherInput } from './care.inputs';
import type { EnrolmentRow } from '../enrolment/enrolment.entity';
import { requireCurrentPupil } from '../enrolment/enrolment.service';
import type { PageWindow } from '../../shared/pagination';
import {
  countEnrolmentsWithoutCarePerson,
  endCurrentCareAssignment,
  findEnrolmentsWithoutCarePerson,
  getCareAssignment,
  insertCareAssignment,
  type NewCareAssignment,
} from './care.repository';

/** The care rules: a child has one care-responsible teacher at a time. */
export class CareService {
  /**
   * Makes a teacher of the child's current school responsible for the child; the previous
   * assignment ends today, in the same transaction.
   */
  async assignTeacher(ctx: EducationContext, input: AssignCareTeacherInput): Promise<CareAssignmentRow> {
    const childId = uuid(input.childId, 'childId');
    const schoolId = uuid(input.schoolId, 'schoolId');
    const row: NewCareAssignment = {
      id: randomUUID(),
      childId,
      schoolId,
      teacherName: requiredText(input.teacherName, 'teacherName', 50),
      teacherPhone: optionalPhone(input.teacherPhone, 'teacherPhone'),
      role: input.role,
      assignedOn: today(),
      createdBy: ctx.principal.sub,
    };
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    // The care person is of the child's current school: a school the child left cannot assign one.
    await requireCurrentPupil(ctx, childId, schoolId);
    try {
      await ctx.db.transaction(async (em) => {
        await endCurrentCareAssignment(em, childId, today());
        await insertCareAssignment(em, row);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.CONFLICT, 'Another care-responsible person was assigned to this child at the same moment. Read again and retry.');
      }
      throw err;
    }
    return getCareAssignment(ctx.db, row.id);
  }

  /** The working list of children at school whom the care rules cover and who have no care person. */
  async withoutCarePerson(ctx: EducationContext, schoolId: string | null, window: PageWindow): Promise<{ rows: EnrolmentRow[]; totalCount: number }> {
    const school = schoolId ? uuid(schoolId, 'schoolId') : null;
    const [rows, totalCount] = await Promise.all([findEnrolmentsWithoutCarePerson(ctx.db, school, window), countEnrolmentsWithoutCarePerson(ctx.db, school)]);
    return { rows, totalCount };
  }
}
