import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { pageWindow, PageArgs, toConnection, toWorkingListPage } from '../../shared/pagination';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { ProtectionReportRow, ProtectionStepRow } from './protection-report.entity';
import { FileProtectionReportInput, RecordProtectionStepInput } from './protection-report.inputs';
import { ProtectionReportReceiptConnection, ProtectionReportWorkingList } from './protection-report.payloads';
import { bodiesToNotify, closeReport, fileReport, recordStep, reportsFiledByCaller, reportsWithStatus } from './protection-report.service';
import { BodyToNotify, ProtectionOutcome, ProtectionReport, ProtectionReportReceipt, ProtectionReportStatus, ProtectionStep } from './protection-report.type';

@Resolver(() => ProtectionReport)
export class ProtectionReportResolver {
  @Query(() => ProtectionReport, { nullable: true, description: 'One protection report’s case file. NOT_FOUND when there is none you may read.' })
  async protectionReport(@Arg('id', () => ID, { description: 'Report id.' }) id: string, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.protectionReportById.load(uuid(id, 'id'));
    if (!row) throw notFound('ProtectionReport', id);
    return row;
  }

  @Query(() => ProtectionReportWorkingList, {
    description:
      'Working list: protection reports by status (the open ones, FILED and IN_PROGRESS, when none is named) about children you reach, a page at a time.',
  })
  async protectionReports(
    @Arg('status', () => ProtectionReportStatus, { nullable: true, description: 'Only reports with this status; omit for all open ones.' })
    status: ProtectionReportStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await reportsWithStatus(ctx, status, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @Mutation(() => ProtectionReport, {
    description: 'Records a step in handling a report (the first puts it IN_PROGRESS). INVALID_STATE once it is closed; VERSION_CONFLICT when it changed.',
  })
  recordProtectionStep(
    @Arg('input', () => RecordProtectionStepInput, { description: 'The step.' }) input: RecordProtectionStepInput,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ProtectionReportRow> {
    return recordStep(ctx, input);
  }

  @Mutation(() => ProtectionReport, { description: 'Closes a report with its outcome. INVALID_STATE when already closed; VERSION_CONFLICT when it changed.' })
  closeProtectionReport(
    @Arg('id', () => ID, { description: 'Report id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('outcome', () => ProtectionOutcome, { description: 'How it ended.' }) outcome: ProtectionOutcome,
    @Arg('notes', () => String, { nullable: true, description: 'Notes on the outcome, up to 2,000 characters.' }) notes: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ProtectionReportRow> {
    return closeReport(ctx, uuid(id, 'id'), expectedVersion, outcome, notes);
  }

  @FieldResolver(() => Child, { nullable: true, description: 'The child; null when its file is archived and you hold no archive right.' })
  child(@Root() report: ProtectionReportRow, @Ctx() ctx: CivilAffairsContext) {
    return ctx.loaders.childById.load(report.childId);
  }

  @FieldResolver(() => [BodyToNotify], { description: 'The bodies to notify, derived from the category, police first, with when each was notified.' })
  async bodiesToNotify(@Root() report: ProtectionReportRow, @Ctx() ctx: CivilAffairsContext): Promise<BodyToNotify[]> {
    return bodiesToNotify(report, await ctx.loaders.protectionStepsByReportId.load(report.id));
  }

  @FieldResolver(() => [ProtectionStep], { description: 'The handling steps, oldest first.' })
  steps(@Root() report: ProtectionReportRow, @Ctx() ctx: CivilAffairsContext): Promise<ProtectionStepRow[]> {
    return ctx.loaders.protectionStepsByReportId.load(report.id);
  }
}

@Resolver(() => ProtectionReportReceipt)
export class ProtectionReportReceiptResolver {
  @Mutation(() => ProtectionReportReceipt, {
    description:
      '强制报告: files a report that a child you reach (even one whose file is archived) was found at risk. The bodies to notify follow from the category, ' +
      'police first. You get the receipt: its status, never the case file. A retry with the same idempotencyKey returns the first report.',
  })
  fileProtectionReport(
    @Arg('input', () => FileProtectionReportInput, { description: 'The report.' }) input: FileProtectionReportInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' }) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ProtectionReportRow> {
    return fileReport(ctx, input, idempotencyKey);
  }

  @Query(() => ProtectionReportReceiptConnection, { description: 'The protection reports you filed and where each stands, a page at a time.' })
  async myProtectionReports(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CivilAffairsContext) {
    const window = pageWindow(page, ctx);
    return toConnection(await reportsFiledByCaller(ctx, window), window);
  }

  @FieldResolver(() => Child, { nullable: true, description: 'The child reported about, as far as you may see it.' })
  child(@Root() report: ProtectionReportRow, @Ctx() ctx: CivilAffairsContext) {
    return ctx.loaders.childById.load(report.childId);
  }
}

@Resolver(() => Child)
export class ChildProtectionReportsResolver {
  @FieldResolver(() => [ProtectionReport], { nullable: true, description: '强制报告: the protection reports about the child, newest first.' })
  protectionReports(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext): Promise<ProtectionReportRow[]> {
    return ctx.loaders.protectionReportsByChildId.load(child.id);
  }
}
