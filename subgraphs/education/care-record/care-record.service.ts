import { badInput } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { recordForPupil } from '../enrolment/enrolment.service';
import { AcademicSupportRow, BoardingLeaveRow, HomeVisitRow } from './care-record.entity';
import type { ArrangeAcademicSupportInput, GrantBoardingLeaveInput, RecordHomeVisitInput } from './care-record.inputs';

/** The rules of the care records a school keeps beyond talks: home visits, tutoring, boarders' leave. */
export class CareRecordService {
  async recordHomeVisit(ctx: EducationContext, input: RecordHomeVisitInput, idempotencyKey: string | null): Promise<HomeVisitRow> {
    const childId = uuid(input.childId, 'childId');
    const fields = {
      visitedOn: input.visitedOn ? pastDate(input.visitedOn, 'visitedOn') : today(),
      kind: input.kind,
      visitors: requiredText(input.visitors, 'visitors', 100),
      findings: optionalText(input.findings, 'findings', 2000),
    };
    return recordForPupil(ctx, { childId, payload: input, operation: 'recordHomeVisit', idempotencyKey, entity: HomeVisitRow, facts: fields });
  }

  async arrangeAcademicSupport(ctx: EducationContext, input: ArrangeAcademicSupportInput, idempotencyKey: string | null): Promise<AcademicSupportRow> {
    const childId = uuid(input.childId, 'childId');
    const startsOn = input.startsOn ?? today();
    if (input.endsOn && input.endsOn < startsOn) throw badInput('endsOn must not be before startsOn.', 'endsOn');
    const fields = {
      subject: requiredText(input.subject, 'subject', 30),
      difficulty: requiredText(input.difficulty, 'difficulty', 500),
      tutor: requiredText(input.tutor, 'tutor', 50),
      startsOn,
      endsOn: input.endsOn ?? null,
    };
    return recordForPupil(ctx, { childId, payload: input, operation: 'arrangeAcademicSupport', idempotencyKey, entity: AcademicSupportRow, facts: fields });
  }

  /** A boarder's leave: only for a pupil who boards, and only with the guardian's confirmation recorded. */
  async grantBoardingLeave(ctx: EducationContext, input: GrantBoardingLeaveInput, idempotencyKey: string | null): Promise<BoardingLeaveRow> {
    const childId = uuid(input.childId, 'childId');
    if (input.returnsOn < input.leavesOn) throw badInput('returnsOn must not be before leavesOn.', 'returnsOn');
    const checkedAt = input.checkedAt ?? new Date();
    if (checkedAt.getTime() > Date.now() + 60_000) throw badInput('checkedAt must not be in the future.', 'checkedAt');
    const fields = {
      leavesOn: input.leavesOn,
      returnsOn: input.returnsOn,
      reason: requiredText(input.reason, 'reason', 200),
      guardianName: requiredText(input.guardianName, 'guardianName', 50),
      guardianRelationship: requiredText(input.guardianRelationship, 'guardianRelationship', 30),
      checkedVia: input.checkedVia,
      checkedAt,
      approvedBy: requiredText(input.approvedBy, 'approvedBy', 50),
    };
    return recordForPupil(ctx, {
      childId,
      payload: input,
      operation: 'grantBoardingLeave',
      idempotencyKey,
      entity: BoardingLeaveRow,
      facts: (pupil) => {
        if (!pupil.boarding) throw badInput('The child does not board at school.', 'childId');
        return fields;
      },
    });
  }
}
