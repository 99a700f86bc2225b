import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { rowById } from '../../shared/child-records';
import { today } from '../../shared/dates';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { optionalText, pastDate, regionPrefix, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { pupilFilter } from '../enrolment/enrolment.service';
import { EnrolmentNoticeRow } from './enrolment-notice.entity';
import type { IssueEnrolmentNoticeInput, UnenrolledChildFilter } from './enrolment-notice.inputs';
import { findUnenrolledPage, isEnrolledAnywhere, SCHOOL_AGE } from './enrolment-notice.repository';

/** Age in whole years on `on` of a child born in `birthMonth` (YYYY-MM; the 1st is assumed, as in the lists). */
function ageFromBirthMonth(birthMonth: string, on: string): number {
  const [year, month] = birthMonth.split('-').map(Number);
  const [onYear, onMonth] = on.split('-').map(Number);
  return onYear - year - (onMonth < month ? 1 : 0);
}

/**
 * The enrolment-notice rules (seed 002): a county issues a notice (入学通知书) to a school-age
 * left-behind or difficult-circumstance child of its jurisdiction who is enrolled nowhere.
 */
export class EnrolmentNoticeService {
  async issue(ctx: EducationContext, input: IssueEnrolmentNoticeInput, idempotencyKey: string | null): Promise<EnrolmentNoticeRow> {
    const childId = uuid(input.childId, 'childId');
    const schoolId = uuid(input.schoolId, 'schoolId');
    const issuedOn = input.issuedOn ? pastDate(input.issuedOn, 'issuedOn') : today();
    if (input.reportBy && input.reportBy < issuedOn) throw badInput('reportBy must not be before issuedOn.', 'reportBy');
    const note = optionalText(input.note, 'note', 500);
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    const child = await requireRegisteredChild(ctx.db, childId, { archived: 'refused' });
    const age = ageFromBirthMonth(child.birthMonth, issuedOn);
    if (age < SCHOOL_AGE.min || age > SCHOOL_AGE.max)
      throw badInput(`The child is ${age}: not of compulsory-education age (${SCHOOL_AGE.min} to ${SCHOOL_AGE.max}).`, 'childId');
    if (await isEnrolledAnywhere(ctx.db, childId)) throw new DomainError(ErrorCode.CONFLICT, 'The child is enrolled at a school.', { field: 'childId' });
    const row: Omit<EnrolmentNoticeRow, 'createdAt'> = {
      id: randomUUID(),
      childId,
      regionCode: child.residenceRegionCode,
      schoolId,
      issuedOn,
      reportBy: input.reportBy ?? null,
      note,
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(
      ctx.db,
      { principal: ctx.principal.sub, operation: 'issueEnrolmentNotice', key: idempotencyKey, payload: input },
      EnrolmentNoticeRow,
      row,
    );
    return rowById(ctx.db, EnrolmentNoticeRow, id);
  }

  /** The working list of school-age children not at school, among those the caller reaches. */
  notEnrolled(ctx: EducationContext, filter: UnenrolledChildFilter | null, window: PageWindow) {
    const ages = pupilFilter({ minAge: filter?.minAge, maxAge: filter?.maxAge });
    return findUnenrolledPage(
      ctx.db,
      {
        regionPrefix: filter?.regionPrefix ? regionPrefix(filter.regionPrefix, 'filter.regionPrefix') : null,
        minAge: ages.minAge,
        maxAge: ages.maxAge,
        noticeIssued: filter?.noticeIssued ?? null,
      },
      window,
    );
  }
}
