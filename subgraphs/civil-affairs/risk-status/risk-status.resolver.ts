import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, PageArgs, toWorkingListPage } from '../../shared/pagination';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import { toClassification } from '../classification/classification.service';
import { LeftBehindClassification } from '../classification/classification.type';
import type { CivilAffairsContext } from '../context';
import { AtRiskChildWorkingList } from './risk-status.payloads';
import type { WorkingListName } from './risk-status.repository';
import { riskStatusOf, workingList } from './risk-status.service';
import { ChildRiskStatus } from './risk-status.type';

const REGION = { nullable: true, description: 'Only children living within this county (6 digits), township (9) or village (12) prefix.' } as const;

@Resolver(() => ChildRiskStatus)
export class RiskStatusClassificationResolver {
  @FieldResolver(() => LeftBehindClassification, { nullable: true, description: 'The left-behind classification today.' })
  async classification(@Root() status: ChildRiskStatus, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.classificationByChildId.load(status.childId);
    return row ? toClassification(row) : null;
  }
}

/** The working lists (工作台账) civil affairs keeps: active children only, among those the caller reaches, with their count. */
@Resolver(() => Child)
export class RiskStatusResolver {
  @FieldResolver(() => ChildRiskStatus, {
    nullable: true,
    description: 'The child’s status: the classification and every risk flag, each from the agency that owns its data (DESIGN “Derived status”).',
  })
  riskStatus(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    return riskStatusOf(ctx, child.id);
  }

  @Query(() => AtRiskChildWorkingList, { description: 'Working list: children living alone (独居, guardianship ALONE), a page at a time.' })
  childrenLivingAlone(@Arg('regionPrefix', () => String, REGION) prefix: string | null, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CivilAffairsContext) {
    return this.list(ctx, 'livingAlone', prefix, page);
  }

  @Query(() => AtRiskChildWorkingList, {
    description: 'Working list: children whose guardian is UNABLE or whose re-entrustment notice is open, a page at a time.',
  })
  childrenWithGuardianUnable(
    @Arg('regionPrefix', () => String, REGION) prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    return this.list(ctx, 'guardianUnable', prefix, page);
  }

  @Query(() => AtRiskChildWorkingList, { description: 'Working list: active files not reviewed for 3 months, a page at a time.' })
  childrenOverdueForReview(
    @Arg('regionPrefix', () => String, REGION) prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    return this.list(ctx, 'overdueReview', prefix, page);
  }

  @Query(() => AtRiskChildWorkingList, {
    description: 'Working list: children who aged out (16 and in no difficult-circumstance category, or 18), to review and archive, a page at a time.',
  })
  childrenAgedOut(@Arg('regionPrefix', () => String, REGION) prefix: string | null, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CivilAffairsContext) {
    return this.list(ctx, 'agedOut', prefix, page);
  }

  @Query(() => AtRiskChildWorkingList, {
    description: 'Working list: children under 16 no longer left-behind (the parents came home) and in no category, to review, a page at a time.',
  })
  childrenWithParentsReturned(
    @Arg('regionPrefix', () => String, REGION) prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    return this.list(ctx, 'parentsReturned', prefix, page);
  }

  private async list(ctx: CivilAffairsContext, list: WorkingListName, prefix: string | null, page: PageArgs) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await workingList(ctx, list, prefix, window);
    return toWorkingListPage(rows, window, totalCount);
  }
}
