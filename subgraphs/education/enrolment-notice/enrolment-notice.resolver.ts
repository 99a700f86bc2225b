import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { EnrolmentNoticeRow } from './enrolment-notice.entity';
import { IssueEnrolmentNoticeInput, UnenrolledChildFilter } from './enrolment-notice.inputs';
import { UnenrolledChildWorkingList } from './enrolment-notice.payloads';
import { EnrolmentNoticeService } from './enrolment-notice.service';
import { EnrolmentNotice, UnenrolledChild, type UnenrolledChildRow } from './enrolment-notice.type';

@Resolver(() => EnrolmentNotice)
export class EnrolmentNoticeResolver {
  private readonly service = new EnrolmentNoticeService();

  @Mutation(() => EnrolmentNotice, {
    description:
      'Issues an enrolment notice (入学通知书) to a school-age child of your county who is enrolled nowhere. A retry with the same idempotencyKey issues it once.',
  })
  issueEnrolmentNotice(
    @Arg('input', () => IssueEnrolmentNoticeInput, { description: 'The notice.' }) input: IssueEnrolmentNoticeInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.issue(ctx, input, idempotencyKey);
  }

  @Query(() => UnenrolledChildWorkingList, {
    description:
      'Working list: left-behind and difficult-circumstance children of compulsory-education age (6 to 15) with no open enrolment at any school, ' +
      'among the children you reach, a page at a time, with the whole list’s count.',
  })
  async schoolAgeChildrenNotEnrolled(
    @Arg('filter', () => UnenrolledChildFilter, { nullable: true, description: 'Which children.' }) filter: UnenrolledChildFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.notEnrolled(ctx, filter, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => School, { description: 'The school the child is to attend.' })
  school(@Root() row: EnrolmentNoticeRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.schoolId);
  }

  @FieldResolver(() => Child, { description: 'The child, with whatever each agency adds.' })
  child(@Root() row: EnrolmentNoticeRow): Child {
    return { id: row.childId };
  }
}

@Resolver(() => UnenrolledChild)
export class UnenrolledChildResolver {
  @FieldResolver(() => Child, { description: 'The child, with whatever each agency adds.' })
  child(@Root() row: UnenrolledChildRow): Child {
    return { id: row.id };
  }

  @FieldResolver(() => EnrolmentNotice, { nullable: true, description: 'The latest enrolment notice issued to the child; null when none.' })
  async latestNotice(@Root() row: UnenrolledChildRow, @Ctx() ctx: EducationContext) {
    return (await ctx.loaders.noticesByChildId.load(row.id))[0] ?? null;
  }
}

@Resolver(() => Child)
export class ChildEnrolmentNoticeResolver {
  @FieldResolver(() => [EnrolmentNotice], { nullable: true, description: 'Enrolment notices issued to the child, newest first.' })
  enrolmentNotices(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.noticesByChildId.load(child.id);
  }
}
