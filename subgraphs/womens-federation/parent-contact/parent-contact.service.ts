import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput } from '../../../platform/errors';
import { rowById } from '../../shared/child-records';
import { today } from '../../shared/dates';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { insertOnce } from '../../shared/idempotency';
import { optionalText, pastDate, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { ParentContactRow } from './parent-contact.entity';
import type { LogParentContactInput } from './parent-contact.inputs';
import { findPupilSchool } from './parent-contact.repository';
import { ContactArranger } from './parent-contact.type';

/**
 * The parent-contact log (亲情电话): one log for the schools, the federation and its partners. Who
 * arranged a call follows from who records it: a school's staff (for their current pupils), a
 * partner NGO (for the children it reaches), else the federation or a children's home.
 */
export class ParentContactService {
  async log(ctx: WomensFederationContext, input: LogParentContactInput, idempotencyKey: string | null): Promise<ParentContactRow> {
    const childId = uuid(input.childId, 'childId');
    const contactedOn = input.contactedOn ? pastDate(input.contactedOn, 'contactedOn') : today();
    if (input.minutes != null && (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 600))
      throw badInput('minutes must be 1 to 600.', 'minutes');
    if (input.arrangedBy === ContactArranger.SCHOOL || input.arrangedBy === ContactArranger.PARTNER) {
      throw badInput('A school’s or a partner’s calls are recorded by their own staff.', 'arrangedBy');
    }
    const child = await requireRegisteredChild(ctx.db, childId, { archived: 'refused' });
    let arrangedBy: ContactArranger = input.arrangedBy ?? ContactArranger.WOMENS_FEDERATION;
    let schoolId: string | null = null;
    if (ctx.principal.partner) {
      arrangedBy = ContactArranger.PARTNER;
    } else if (ctx.principal.schools.length > 0) {
      arrangedBy = ContactArranger.SCHOOL;
      schoolId = await findPupilSchool(ctx.db, childId);
      if (!schoolId) throw new DomainError(ErrorCode.NOT_FOUND, 'The child is not enrolled at your school.', { id: childId, field: 'childId' });
    }
    const row: Omit<ParentContactRow, 'createdAt'> = {
      id: randomUUID(),
      childId,
      contactedOn,
      channel: input.channel,
      parent: input.parent,
      arrangedBy,
      schoolId,
      partnerId: arrangedBy === ContactArranger.PARTNER ? ctx.principal.partner : null,
      regionCode: child.residenceRegionCode,
      minutes: input.minutes ?? null,
      notes: optionalText(input.notes, 'notes', 1000),
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(
      ctx.db,
      { principal: ctx.principal.sub, operation: 'logParentContact', key: idempotencyKey, payload: input },
      ParentContactRow,
      row,
    );
    return rowById(ctx.db, ParentContactRow, id);
  }
}
