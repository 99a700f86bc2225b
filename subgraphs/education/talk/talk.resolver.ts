import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { LocalDate } from '../../shared/scalars';
import { PupilListFilter } from '../enrolment/enrolment.inputs';
import { EnrolmentWorkingList } from '../enrolment/enrolment.payloads';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { LogTalkInput } from './talk.inputs';
import { MAX_TALKS, TALK_INTERVAL_DAYS, TalkService } from './talk.service';
import { Talk } from './talk.type';

@Resolver(() => Talk)
export class TalkResolver {
  private readonly service = new TalkService();

  @Mutation(() => Talk, { description: 'Logs a talk with a child. A retry with the same idempotencyKey logs it once.' })
  logTalk(
    @Arg('input', () => LogTalkInput, { description: 'The talk.' }) input: LogTalkInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.log(ctx, input, idempotencyKey);
  }

  @Query(() => EnrolmentWorkingList, {
    description:
      `Working list: current enrolments of left-behind and difficult-circumstance pupils whose talk (谈心谈话) is overdue (none in the last ${TALK_INTERVAL_DAYS} days), ` +
      'at the schools you reach, a page at a time, with the whole list’s count.',
  })
  async childrenWithTalkOverdue(
    @Arg('filter', () => PupilListFilter, { nullable: true, description: 'Which pupils.' }) filter: PupilListFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.overdueList(ctx, filter, window);
    return toWorkingListPage(rows, window, totalCount);
  }
}

@Resolver(() => Child)
export class ChildTalksResolver {
  private readonly service = new TalkService();

  @FieldResolver(() => [Talk], { nullable: true, description: 'The most recent talks with the child, newest first.' })
  talks(
    @Root() child: Child,
    @Arg('last', () => Int, { defaultValue: 10, description: `How many of the latest talks, 1 to ${MAX_TALKS}.` }) last: number,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recent(ctx, child.id, last);
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'Date of the latest talk; null when there has been none.' })
  lastTalkOn(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.lastTalkOnByChildId.load(child.id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      `True when a left-behind or difficult-circumstance child at school has had no talk (谈心谈话) in the last ${TALK_INTERVAL_DAYS} days (a high-risk flag); ` +
      'null where the rule does not apply: the child is not at school (or suspended), or the registry counts it as neither.',
  })
  talkOverdue(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return this.service.overdue(ctx, child.id);
  }
}
