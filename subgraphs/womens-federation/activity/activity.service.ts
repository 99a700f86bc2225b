import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { AccessAction } from '../../shared/audit/access-log.type';
import { today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { countyCode, optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import type { ActivityAttendanceRow, ActivityRow } from './activity.entity';
import type { ActivityFilter, RecordActivityInput } from './activity.inputs';
import { insertActivity, listActivities } from './activity.repository';
import { ActivityKind } from './activity.type';

const MAX_ATTENDANCE = 200;
/** The category attendance writes are logged under (a write of each attending child's programme data). */
const WRITE_CATEGORY = 'wf:records:write';

/**
 * The activity rules: an activity belongs to a children's home, a programme or the county; a
 * partner NGO records only for its own programmes, and attendance only of the children it reaches
 * (paired, with the guardian's consent); every child named must be in the registry.
 */
export class ActivityService {
  async record(ctx: WomensFederationContext, input: RecordActivityInput, idempotencyKey: string | null): Promise<ActivityRow> {
    const homeId = input.childrensHomeId ? uuid(input.childrensHomeId, 'childrensHomeId') : null;
    const programmeId = input.programmeId ? uuid(input.programmeId, 'programmeId') : null;
    if (input.kind === ActivityKind.CHILDRENS_HOME_ACTIVITY && !homeId) throw badInput('A children’s home activity names its home.', 'childrensHomeId');
    if (ctx.principal.partner && !programmeId) throw badInput('A partner records activities of its own programmes: name the programme.', 'programmeId');
    const entries = input.attendance ?? [];
    if (entries.length > MAX_ATTENDANCE) throw badInput(`attendance holds at most ${MAX_ATTENDANCE}.`, 'attendance');
    const home = homeId ? await ctx.loaders.childrensHomeById.load(homeId) : null;
    if (homeId && !home) throw notFound('ChildrensHome', homeId);
    const programme = programmeId ? await ctx.loaders.programmeById.load(programmeId) : null;
    if (programmeId && !programme) throw notFound('Programme', programmeId);
    const regionCode = input.regionCode ? countyCode(input.regionCode, 'regionCode') : (home?.regionCode ?? programme?.regionCode);
    if (!regionCode) throw badInput('Say where it was held: regionCode, a children’s home or a programme.', 'regionCode');
    const activity: Omit<ActivityRow, 'createdAt'> = {
      id: randomUUID(),
      kind: input.kind,
      title: requiredText(input.title, 'title', 100),
      heldOn: input.heldOn ? pastDate(input.heldOn, 'heldOn') : today(),
      regionCode,
      childrensHomeId: homeId,
      programmeId,
      partnerId: programme?.partnerId ?? null,
      ledBy: requiredText(input.ledBy, 'ledBy', 100),
      notes: optionalText(input.notes, 'notes', 2000),
      createdBy: ctx.principal.sub,
    };
    const attendance: ActivityAttendanceRow[] = entries.map((entry, index) => ({
      activityId: activity.id,
      childId: uuid(entry.childId, `attendance.${index}.childId`),
      attendee: entry.attendee,
      attendeeName: optionalText(entry.attendeeName, `attendance.${index}.attendeeName`, 50),
    }));
    await this.requireRegistered(ctx, [...new Set(attendance.map((row) => row.childId))]);
    try {
      const { id } = await ctx.db.transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'recordActivity', key: idempotencyKey, payload: input }, async () => {
          await insertActivity(em, activity, attendance);
          return activity.id;
        }),
      );
      for (const row of attendance) ctx.audit.record(row.childId, WRITE_CATEGORY, AccessAction.WRITE);
      return (await ctx.loaders.activityById.load(id))!;
    } catch (err) {
      if (isUniqueViolation(err)) throw badInput('Each attendee may appear once per child.', 'attendance');
      throw err;
    }
  }

  list(ctx: WomensFederationContext, filter: ActivityFilter | null, window: PageWindow): Promise<ActivityRow[]> {
    return listActivities(
      ctx.db,
      {
        childrensHomeId: filter?.childrensHomeId ? uuid(filter.childrensHomeId, 'filter.childrensHomeId') : null,
        programmeId: filter?.programmeId ? uuid(filter.programmeId, 'filter.programmeId') : null,
        kind: filter?.kind ?? null,
      },
      window,
    );
  }

  /** Every child named must be one the registry shows the caller, and active. */
  private async requireRegistered(ctx: WomensFederationContext, childIds: string[]): Promise<void> {
    const found = await ctx.loaders.registeredChildById.loadMany(childIds);
    childIds.forEach((childId, index) => {
      const child = found[index];
      if (!child || child instanceof Error) throw notFound('Child', childId);
      if (child.status === 'ARCHIVED')
        throw new DomainError(ErrorCode.CHILD_ARCHIVED, 'The child’s file is archived: no new care records can be added to it.', { id: childId });
    });
  }
}
