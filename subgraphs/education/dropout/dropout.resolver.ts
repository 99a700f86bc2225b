import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { DropoutCaseRow } from './dropout.entity';
import { CloseDropoutCaseInput, DropoutCaseFilter, RecordEscalationInput, RecordPersuasionInput } from './dropout.inputs';
import { DropoutCaseWorkingList } from './dropout.payloads';
import { DropoutService } from './dropout.service';
import { DropoutCase, DropoutEscalation, EscalationTarget, Persuasion } from './dropout.type';

@Resolver(() => DropoutCase)
export class DropoutResolver {
  private readonly service = new DropoutService();

  @Mutation(() => DropoutCase, { description: 'Adds a persuasion attempt (劝返) to an open dropout case. A retry with the same idempotencyKey adds it once.' })
  recordPersuasion(
    @Arg('input', () => RecordPersuasionInput, { description: 'The attempt.' }) input: RecordPersuasionInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordPersuasion(ctx, input, idempotencyKey);
  }

  @Mutation(() => DropoutCase, {
    description: 'Records that an open case was reported to the township government, the county bureau or the police (once per body).',
  })
  recordEscalation(
    @Arg('input', () => RecordEscalationInput, { description: 'The report.' }) input: RecordEscalationInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordEscalation(ctx, input, idempotencyKey);
  }

  @Mutation(() => DropoutCase, { description: 'Closes a dropout case as returned, transferred or other, if it is still at expectedVersion.' })
  closeDropoutCase(@Arg('input', () => CloseDropoutCaseInput, { description: 'How it closed.' }) input: CloseDropoutCaseInput, @Ctx() ctx: EducationContext) {
    return this.service.close(ctx, input);
  }

  @Query(() => DropoutCaseWorkingList, {
    description:
      'Working list: the dropout-prevention ledger (控辍保学工作台账) of the schools you reach, open cases by default; with escalationOverdue or overdueTo, ' +
      'the cases overdue for escalation. A page at a time, with the whole list’s count.',
  })
  async dropoutCases(
    @Arg('filter', () => DropoutCaseFilter, { nullable: true, description: 'Which cases.' }) filter: DropoutCaseFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.list(ctx, filter, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => School, { description: 'The school that opened the case.' })
  school(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.schoolId);
  }

  @FieldResolver(() => Child, { description: 'The child, with whatever each agency adds.' })
  child(@Root() row: DropoutCaseRow): Child {
    return { id: row.childId };
  }

  @FieldResolver(() => [Persuasion], { description: 'The persuasion attempts, oldest first.' })
  persuasions(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.persuasionsByCaseId.load(row.id);
  }

  @FieldResolver(() => [DropoutEscalation], { description: 'The reports made, oldest first.' })
  escalations(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.escalationsByCaseId.load(row.id);
  }

  @FieldResolver(() => Int, { description: 'Days of unexcused absence recorded since absentSince (while open).' })
  async unexcusedDays(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return (await ctx.loaders.escalationFactsByCaseId.load(row.id))?.unexcusedDays ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Failed persuasion attempts by the school.' })
  async failedSchoolPersuasions(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return (await ctx.loaders.escalationFactsByCaseId.load(row.id))?.failedSchoolPersuasions ?? 0;
  }

  @FieldResolver(() => [EscalationTarget], {
    description:
      'Who the rules require the case to be reported to: more than a week of unexcused absence (or a dropout) after two failed persuasions by the school → ' +
      'the township government and a written report to the county bureau; unknown whereabouts → the township government and the police.',
  })
  async escalationRequired(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return (await ctx.loaders.escalationFactsByCaseId.load(row.id))?.required ?? [];
  }

  @FieldResolver(() => [EscalationTarget], { description: 'The required reports not made yet: while the case is open, it is overdue for escalation to them.' })
  async escalationDue(@Root() row: DropoutCaseRow, @Ctx() ctx: EducationContext) {
    return row.closedOn ? [] : ((await ctx.loaders.escalationFactsByCaseId.load(row.id))?.due ?? []);
  }
}

@Resolver(() => Child)
export class ChildDropoutResolver {
  @FieldResolver(() => DropoutCase, { nullable: true, description: 'The child’s open dropout case, or else its latest one; null when there has been none.' })
  dropoutCase(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.dropoutCaseByChildId.load(child.id);
  }
}
