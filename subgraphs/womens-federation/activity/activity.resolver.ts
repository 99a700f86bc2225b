import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { Child } from '../child/child.type';
import { ChildrensHome } from '../childrens-home/childrens-home.type';
import type { WomensFederationContext } from '../context';
import { Programme } from '../programme/programme.type';
import type { ActivityAttendanceRow, ActivityRow } from './activity.entity';
import { ActivityFilter, RecordActivityInput } from './activity.inputs';
import { ActivityConnection } from './activity.payloads';
import { ActivityService } from './activity.service';
import { Activity, ActivityAttendance } from './activity.type';

@Resolver(() => Activity)
export class ActivityResolver {
  private readonly service = new ActivityService();

  @Mutation(() => Activity, {
    description:
      'Records an activity — at a children’s home (儿童之家), a family-education session for parents and guardians, a programme’s activity or a home ' +
      'visit — with who attended. A partner NGO records for its own programmes and the children it reaches. A retry with the same idempotencyKey records it once.',
  })
  recordActivity(
    @Arg('input', () => RecordActivityInput, { description: 'The activity.' }) input: RecordActivityInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.record(ctx, input, idempotencyKey);
  }

  @Query(() => ActivityConnection, { description: 'Activities you reach (your county’s; a partner’s own), a page at a time.' })
  async activities(
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities.' }) filter: ActivityFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const window = pageWindow(page, ctx);
    return toConnection(await this.service.list(ctx, filter, window), window);
  }

  @FieldResolver(() => ChildrensHome, { nullable: true, description: 'The children’s home, if it was one’s activity.' })
  childrensHome(@Root() row: ActivityRow, @Ctx() ctx: WomensFederationContext) {
    return row.childrensHomeId ? ctx.loaders.childrensHomeById.load(row.childrensHomeId) : null;
  }

  @FieldResolver(() => Programme, { nullable: true, description: 'The programme, if it was one’s activity.' })
  programme(@Root() row: ActivityRow, @Ctx() ctx: WomensFederationContext) {
    return row.programmeId ? ctx.loaders.programmeById.load(row.programmeId) : null;
  }

  @FieldResolver(() => [ActivityAttendance], { description: 'Who attended, among the children you reach.' })
  attendance(@Root() row: ActivityRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.attendanceByActivityId.load(row.id);
  }
}

@Resolver(() => ActivityAttendance)
export class ActivityAttendanceResolver {
  @FieldResolver(() => Child, { description: 'The child, with whatever each agency adds.' })
  child(@Root() row: ActivityAttendanceRow): Child {
    return { id: row.childId };
  }

  @FieldResolver(() => Activity, { description: 'The activity.' })
  activity(@Root() row: ActivityAttendanceRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.activityById.load(row.activityId);
  }
}

@Resolver(() => Child)
export class ChildActivitiesResolver {
  @FieldResolver(() => [ActivityAttendance], {
    nullable: true,
    description: 'Activities the child (or a parent or guardian for the child) attended, newest first.',
  })
  activityAttendance(@Root() child: Child, @Arg('last', () => Int, lastArg('attendances')) last: number, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.newestAttendance(recordCount(last)).load(child.id);
  }
}
