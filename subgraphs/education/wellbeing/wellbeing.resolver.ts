import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { today } from '../../shared/dates';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { LocalDate } from '../../shared/scalars';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { PupilListFilter } from '../enrolment/enrolment.inputs';
import { School } from '../school/school.type';
import type { WellbeingScreeningRow } from './wellbeing.entity';
import { RecordInterventionInput, RecordScreeningInput, RecordWellbeingContactInput } from './wellbeing.inputs';
import { WellbeingScreeningWorkingList } from './wellbeing.payloads';
import { CONTACT_DEADLINE_DAYS, WellbeingService } from './wellbeing.service';
import { WellbeingContact, WellbeingIntervention, WellbeingScreening } from './wellbeing.type';

@Resolver(() => WellbeingScreening)
export class WellbeingResolver {
  private readonly service = new WellbeingService();

  @Mutation(() => WellbeingScreening, { description: 'Records a psychological screening of a pupil. A retry with the same idempotencyKey records it once.' })
  recordWellbeingScreening(
    @Arg('input', () => RecordScreeningInput, { description: 'The screening.' }) input: RecordScreeningInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordScreening(ctx, input, idempotencyKey);
  }

  @Mutation(() => WellbeingIntervention, {
    description: 'Records counselling, group work or a referral. A retry with the same idempotencyKey records it once.',
  })
  recordWellbeingIntervention(
    @Arg('input', () => RecordInterventionInput, { description: 'The intervention.' }) input: RecordInterventionInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordIntervention(ctx, input, idempotencyKey);
  }

  @Mutation(() => WellbeingContact, {
    description: 'Records a contact with the parents or guardian about a screening. A retry with the same idempotencyKey records it once.',
  })
  recordWellbeingContact(
    @Arg('input', () => RecordWellbeingContactInput, { description: 'The contact.' }) input: RecordWellbeingContactInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordContact(ctx, input, idempotencyKey);
  }

  @Query(() => WellbeingScreeningWorkingList, {
    description:
      `Working list: serious screenings whose contact with the parents or guardian is overdue (none recorded within ${CONTACT_DEADLINE_DAYS} days), ` +
      'of the pupils you reach, a page at a time, with the whole list’s count.',
  })
  async wellbeingContactsOverdue(
    @Arg('filter', () => PupilListFilter, { nullable: true, description: 'Which pupils.' }) filter: PupilListFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.contactsOverdue(ctx, filter, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => [WellbeingContact], { description: 'The contacts with the parents or guardian about this screening.' })
  contacts(@Root() row: WellbeingScreeningRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.contactsByScreeningId.load(row.id);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: `For a serious risk, the last day to contact the parents or guardian (${CONTACT_DEADLINE_DAYS} days on).`,
  })
  contactDueBy(@Root() row: WellbeingScreeningRow) {
    return this.service.contactDueBy(row);
  }

  @FieldResolver(() => Boolean, { description: 'True when a serious risk’s contact is past its deadline and none is recorded.' })
  async contactOverdue(@Root() row: WellbeingScreeningRow, @Ctx() ctx: EducationContext) {
    const dueBy = this.service.contactDueBy(row);
    return dueBy !== null && dueBy < today() && (await ctx.loaders.contactsByScreeningId.load(row.id)).length === 0;
  }

  @FieldResolver(() => School, { description: 'The screening school.' })
  school(@Root() row: WellbeingScreeningRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.schoolId);
  }

  @FieldResolver(() => Child, { description: 'The child, with whatever each agency adds.' })
  child(@Root() row: WellbeingScreeningRow): Child {
    return { id: row.childId };
  }
}

@Resolver(() => Child)
export class ChildWellbeingResolver {
  @FieldResolver(() => [WellbeingScreening], { nullable: true, description: 'The child’s psychological screenings, newest first (the most sensitive data).' })
  wellbeingScreenings(@Root() child: Child, @Arg('last', () => Int, lastArg('screenings')) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestScreenings(recordCount(last)).load(child.id);
  }

  @FieldResolver(() => [WellbeingIntervention], { nullable: true, description: 'Counselling and referrals for the child, newest first.' })
  wellbeingInterventions(@Root() child: Child, @Arg('last', () => Int, lastArg('interventions')) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestInterventions(recordCount(last)).load(child.id);
  }
}
