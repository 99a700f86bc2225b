import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../platform/errors';
import { rowById } from '../../shared/child-records';
import { daysBefore, today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import type { PupilListFilter } from '../enrolment/enrolment.inputs';
import { pupilFilter, recordForPupil, requireCurrentPupil } from '../enrolment/enrolment.service';
import { WellbeingContactRow, WellbeingInterventionRow, WellbeingScreeningRow } from './wellbeing.entity';
import type { RecordInterventionInput, RecordScreeningInput, RecordWellbeingContactInput } from './wellbeing.inputs';
import { findContactOverduePage } from './wellbeing.repository';
import { RiskLevel } from './wellbeing.type';

/**
 * A serious risk (严重心理健康问题) requires a recorded contact with the parents or guardian
 * within this many days of the screening (seed 002: 及时联系家长和受委托监护人); on the next day
 * it is overdue.
 */
export const CONTACT_DEADLINE_DAYS = 3;

/** The wellbeing rules: screenings, interventions, and the contact a serious risk requires. */
export class WellbeingService {
  async recordScreening(ctx: EducationContext, input: RecordScreeningInput, idempotencyKey: string | null): Promise<WellbeingScreeningRow> {
    const childId = uuid(input.childId, 'childId');
    const fields = {
      screenedOn: input.screenedOn ? pastDate(input.screenedOn, 'screenedOn') : today(),
      instrument: requiredText(input.instrument, 'instrument', 50),
      riskLevel: input.riskLevel,
      screenedBy: requiredText(input.screenedBy, 'screenedBy', 50),
      notes: optionalText(input.notes, 'notes', 2000),
    };
    return recordForPupil(ctx, {
      childId,
      payload: input,
      operation: 'recordWellbeingScreening',
      idempotencyKey,
      entity: WellbeingScreeningRow,
      facts: fields,
    });
  }

  async recordIntervention(ctx: EducationContext, input: RecordInterventionInput, idempotencyKey: string | null): Promise<WellbeingInterventionRow> {
    const childId = uuid(input.childId, 'childId');
    const fields = {
      screeningId: input.screeningId ? uuid(input.screeningId, 'screeningId') : null,
      startedOn: input.startedOn ? pastDate(input.startedOn, 'startedOn') : today(),
      kind: input.kind,
      providedBy: requiredText(input.providedBy, 'providedBy', 50),
      notes: optionalText(input.notes, 'notes', 2000),
    };
    if (fields.screeningId) {
      const screening = await ctx.loaders.screeningById.load(fields.screeningId);
      if (!screening || screening.childId !== childId) throw notFound('WellbeingScreening', fields.screeningId);
    }
    return recordForPupil(ctx, {
      childId,
      payload: input,
      operation: 'recordWellbeingIntervention',
      idempotencyKey,
      entity: WellbeingInterventionRow,
      facts: fields,
    });
  }

  /** Records the contact with the parents or guardian about a screening (of a current pupil). */
  async recordContact(ctx: EducationContext, input: RecordWellbeingContactInput, idempotencyKey: string | null): Promise<WellbeingContactRow> {
    const screeningId = uuid(input.screeningId, 'screeningId');
    const fields = {
      contactedOn: input.contactedOn ? pastDate(input.contactedOn, 'contactedOn') : today(),
      contactedName: requiredText(input.contactedName, 'contactedName', 50),
      relationship: requiredText(input.relationship, 'relationship', 30),
      channel: input.channel,
      contactedBy: requiredText(input.contactedBy, 'contactedBy', 50),
      notes: optionalText(input.notes, 'notes', 2000),
    };
    const screening = await ctx.loaders.screeningById.load(screeningId);
    if (!screening) throw notFound('WellbeingScreening', screeningId);
    if (fields.contactedOn < screening.screenedOn) throw badInput('contactedOn must not be before the screening.', 'contactedOn');
    await requireCurrentPupil(ctx, screening.childId);
    const row: Omit<WellbeingContactRow, 'createdAt'> = {
      id: randomUUID(),
      childId: screening.childId,
      screeningId,
      ...fields,
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(
      ctx.db,
      { principal: ctx.principal.sub, operation: 'recordWellbeingContact', key: idempotencyKey, payload: input },
      WellbeingContactRow,
      row,
    );
    return rowById(ctx.db, WellbeingContactRow, id);
  }

  /** The last day a serious screening's contact is due; null for lesser risks. */
  contactDueBy(screening: WellbeingScreeningRow): string | null {
    return screening.riskLevel === RiskLevel.SERIOUS ? daysBefore(-CONTACT_DEADLINE_DAYS, screening.screenedOn) : null;
  }

  /** The working list of serious screenings whose contact is overdue. */
  contactsOverdue(ctx: EducationContext, filter: PupilListFilter | null, window: PageWindow) {
    return findContactOverduePage(ctx.db, pupilFilter(filter), daysBefore(CONTACT_DEADLINE_DAYS), window);
  }
}
