import { randomUUID } from 'node:crypto';
import { badInput } from '../../../platform/errors';
import { daysBefore, today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import { inCareRules } from '../../shared/feeds/registered-child';
import type { PageWindow } from '../../shared/pagination';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import type { PupilListFilter } from '../enrolment/enrolment.inputs';
import { pupilFilter, requireCurrentPupil } from '../enrolment/enrolment.service';
import { TalkRow } from './talk.entity';
import type { LogTalkInput } from './talk.inputs';
import { findTalkOverduePage, getTalk, type NewTalk } from './talk.repository';

/** A talk is due every two weeks (每两周至少一次谈心谈话). */
export const TALK_INTERVAL_DAYS = 14;
export const MAX_TALKS = 100;

/** The talk rules: what a talk record holds, how many a page shows, and when the next one is due. */
export class TalkService {
  /**
   * Logs a talk with a current pupil of a school the caller reaches, held by the care-responsible
   * person unless a colleague is named; a retry with the same idempotency key logs it once.
   */
  async log(ctx: EducationContext, input: LogTalkInput, idempotencyKey: string | null): Promise<TalkRow> {
    const childId = uuid(input.childId, 'childId');
    const heldOn = input.heldOn ? pastDate(input.heldOn, 'heldOn') : today();
    const summary = optionalText(input.summary, 'summary', 2000);
    const named = input.heldBy ? requiredText(input.heldBy, 'heldBy', 50) : null;
    await requireCurrentPupil(ctx, childId);
    const carePerson = named ? null : await ctx.loaders.careByChildId.load(childId);
    if (!named && !carePerson) throw badInput('The child has no care-responsible person: name who held the talk in heldBy.', 'heldBy');
    const row: NewTalk = { id: randomUUID(), childId, heldOn, heldBy: named ?? carePerson!.teacherName, summary, createdBy: ctx.principal.sub };
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'logTalk', key: idempotencyKey, payload: input }, TalkRow, row);
    return getTalk(ctx.db, id);
  }

  /** The child's `last` most recent talks, newest first. */
  recent(ctx: EducationContext, childId: string, last: number): Promise<TalkRow[]> {
    if (!Number.isInteger(last) || last < 1 || last > MAX_TALKS) throw badInput(`last must be between 1 and ${MAX_TALKS}.`, 'last');
    return ctx.loaders.recentTalks(last).load(childId);
  }

  /**
   * Whether the child's talk is overdue; null where the rule does not apply: the child is not at
   * school, or is neither left-behind nor in difficult circumstances (as the registry says today).
   */
  async overdue(ctx: EducationContext, childId: string): Promise<boolean | null> {
    const [enrolment, registered, lastTalkOn] = await Promise.all([
      ctx.loaders.currentEnrolmentByChildId.load(childId),
      ctx.loaders.registeredChildById.load(childId),
      ctx.loaders.lastTalkOnByChildId.load(childId),
    ]);
    if (!enrolment || enrolment.status !== 'ENROLLED' || !inCareRules(registered)) return null;
    return lastTalkOn === null || lastTalkOn < daysBefore(TALK_INTERVAL_DAYS);
  }

  /** The working list of current pupils whose talk is overdue. */
  overdueList(ctx: EducationContext, filter: PupilListFilter | null, window: PageWindow) {
    return findTalkOverduePage(ctx.db, pupilFilter(filter), daysBefore(TALK_INTERVAL_DAYS), window);
  }
}
