import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { DateTimeISO } from '../../shared/scalars';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { ChildProposalRow } from './proposal.entity';
import { ChildProposalFilter, ProposeChildInput } from './proposal.inputs';
import { ChildProposalWorkingList } from './proposal.payloads';
import { ProposalService } from './proposal.service';
import { ChildProposal } from './proposal.type';

@Resolver(() => ChildProposal)
export class ProposalResolver {
  private readonly service = new ProposalService();

  @Mutation(() => ChildProposal, {
    description:
      'Proposes a child for the registry (建档申报) with the facts of the registration form; civil affairs reviews it and accepts (files the child, or finds ' +
      'it already filed) or rejects it. A retry with the same idempotencyKey proposes once; a national ID already awaiting review is a CONFLICT.',
  })
  proposeChild(
    @Arg('input', () => ProposeChildInput, { description: 'The child and the form’s facts.' }) input: ProposeChildInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.propose(ctx, input, idempotencyKey);
  }

  @Query(() => ChildProposalWorkingList, { description: 'Working list: your schools’ proposals to file children, and their outcome, a page at a time.' })
  async childProposals(
    @Arg('filter', () => ChildProposalFilter, { nullable: true, description: 'Which proposals.' }) filter: ChildProposalFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.list(ctx, filter, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => DateTimeISO, { description: 'When the school proposed the child.' })
  submittedAt(@Root() row: ChildProposalRow): Date {
    return row.createdAt;
  }

  @FieldResolver(() => School, { description: 'The proposing school.' })
  school(@Root() row: ChildProposalRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.schoolId);
  }

  @FieldResolver(() => Child, { nullable: true, description: 'The child in the registry once accepted; null until then.' })
  child(@Root() row: ChildProposalRow): Child | null {
    return row.status === 'ACCEPTED' ? { id: row.childId } : null;
  }
}
