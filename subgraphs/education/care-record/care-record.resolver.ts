import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { HomeVisitRow } from './care-record.entity';
import { ArrangeAcademicSupportInput, GrantBoardingLeaveInput, RecordHomeVisitInput } from './care-record.inputs';
import { CareRecordService } from './care-record.service';
import { AcademicSupport, BoardingLeave, HomeVisit } from './care-record.type';

@Resolver(() => HomeVisit)
export class CareRecordResolver {
  private readonly service = new CareRecordService();

  @Mutation(() => HomeVisit, { description: 'Records a home visit (家访) to a pupil. A retry with the same idempotencyKey records it once.' })
  recordHomeVisit(
    @Arg('input', () => RecordHomeVisitInput, { description: 'The visit.' }) input: RecordHomeVisitInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordHomeVisit(ctx, input, idempotencyKey);
  }

  @Mutation(() => AcademicSupport, {
    description: 'Arranges tutoring (学业辅导) for a pupil’s learning difficulty. A retry with the same idempotencyKey arranges it once.',
  })
  arrangeAcademicSupport(
    @Arg('input', () => ArrangeAcademicSupportInput, { description: 'The tutoring.' }) input: ArrangeAcademicSupportInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.arrangeAcademicSupport(ctx, input, idempotencyKey);
  }

  @Mutation(() => BoardingLeave, {
    description: 'Grants a boarder leave from school, recording the guardian’s confirmation it requires. A retry with the same idempotencyKey grants it once.',
  })
  grantBoardingLeave(
    @Arg('input', () => GrantBoardingLeaveInput, { description: 'The leave.' }) input: GrantBoardingLeaveInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.grantBoardingLeave(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => School, { description: 'The visiting school.' })
  school(@Root() row: HomeVisitRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.schoolId);
  }
}

@Resolver(() => Child)
export class ChildCareRecordResolver {
  @FieldResolver(() => [HomeVisit], { nullable: true, description: 'The child’s most recent home visits, newest first.' })
  homeVisits(@Root() child: Child, @Arg('last', () => Int, lastArg('visits')) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestHomeVisits(recordCount(last)).load(child.id);
  }

  @FieldResolver(() => [AcademicSupport], { nullable: true, description: 'Tutoring arranged for the child, newest first.' })
  academicSupport(@Root() child: Child, @Arg('last', () => Int, lastArg('arrangements')) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestAcademicSupport(recordCount(last)).load(child.id);
  }

  @FieldResolver(() => [BoardingLeave], { nullable: true, description: 'The boarder’s most recent leaves, newest first.' })
  boardingLeaves(@Root() child: Child, @Arg('last', () => Int, lastArg('leaves')) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestBoardingLeaves(recordCount(last)).load(child.id);
  }
}
