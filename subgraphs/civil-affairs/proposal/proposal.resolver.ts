import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import { Parent } from '../parent/parent.type';
import type { ProposalCopyRow, ProposalReviewRow } from './proposal.entity';
import { ReviewChildProposalInput } from './proposal.inputs';
import { ChildProposalForReviewWorkingList } from './proposal.payloads';
import { ProposalService } from './proposal.service';
import { ChildProposalForReview, ChildProposalReview, ProposedGuardian, School } from './proposal.type';

@Resolver(() => ChildProposalForReview)
export class ProposalResolver {
  constructor(private readonly service: ProposalService) {}

  @Query(() => ChildProposalForReviewWorkingList, {
    description: 'Working list: schools’ proposals to file children of your jurisdiction (建档申报) awaiting your review, a page at a time.',
  })
  async childProposalsToReview(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CivilAffairsContext) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.pending(ctx, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @Mutation(() => ChildProposalReview, {
    description:
      'Reviews a school’s proposal: ACCEPTED files the child (a national ID already in the registry links that child instead: never filed twice), ' +
      'REJECTED files nothing and says why. Once per proposal; the school learns the outcome through the review set. ' +
      'A retry with the same idempotencyKey reviews once.',
  })
  reviewChildProposal(
    @Arg('input', () => ReviewChildProposalInput, { description: 'The decision.' }) input: ReviewChildProposalInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    return this.service.review(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => School, { description: 'The proposing school.' })
  school(@Root() row: ProposalCopyRow): School {
    return { id: row.schoolId };
  }

  @FieldResolver(() => Parent, { nullable: true, description: '父亲: as the school recorded him.' })
  father(@Root() row: ProposalCopyRow) {
    return row.father;
  }

  @FieldResolver(() => Parent, { nullable: true, description: '母亲: as the school recorded her.' })
  mother(@Root() row: ProposalCopyRow) {
    return row.mother;
  }

  @FieldResolver(() => ProposedGuardian, { nullable: true, description: '实际监护人: as the school recorded them.' })
  guardian(@Root() row: ProposalCopyRow) {
    return row.guardian;
  }

  @FieldResolver(() => Child, {
    nullable: true,
    description: 'The child your registry already holds with the proposal’s national ID: accepting links it instead of filing anew. Null when none.',
  })
  async registeredChild(@Root() row: ProposalCopyRow, @Ctx() ctx: CivilAffairsContext) {
    const id = await this.service.registeredChildId(ctx, row);
    return id ? ctx.loaders.childById.load(id) : null;
  }
}

@Resolver(() => ChildProposalReview)
export class ProposalReviewResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'The child filed or found; null when rejected.' })
  child(@Root() row: ProposalReviewRow, @Ctx() ctx: CivilAffairsContext) {
    return row.childId ? ctx.loaders.childById.load(row.childId) : null;
  }
}
