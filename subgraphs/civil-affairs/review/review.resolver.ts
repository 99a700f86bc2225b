import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { FileReviewRow } from './review.entity';
import { archiveChild, reactivateChild, recordReview } from './review.service';
import { ArchiveReason, FileReview } from './review.type';

@Resolver(() => Child)
export class ReviewResolver {
  @FieldResolver(() => [FileReview], { nullable: true, description: '复核记录: the file’s reviews, archivings and reactivations, newest first.' })
  reviews(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext): Promise<FileReviewRow[]> {
    return ctx.loaders.reviewsByChildId.load(child.id);
  }

  @Mutation(() => Child, {
    description:
      'Records a review (复核) of an active file: the day and the reviewer. A file not reviewed for 3 months is overdue (seed 002: 档案更新频次不长于3个月). ' +
      'The child’s version goes up; VERSION_CONFLICT when it changed since you read it.',
  })
  async recordReview(
    @Arg('childId', () => ID, { description: 'Registry id of the child.' }) childId: string,
    @Arg('expectedVersion', () => Int, { description: 'The child’s version you read.' }) expectedVersion: number,
    @Arg('reviewedOn', () => LocalDate, { nullable: true, description: 'The day of the review: today when omitted; not in the future.' })
    reviewedOn: string | null,
    @Arg('notes', () => String, { nullable: true, description: 'What the review found, up to 1,000 characters.' }) notes: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow> {
    const id = uuid(childId, 'childId');
    await recordReview(ctx, id, expectedVersion, reviewedOn, notes);
    return this.reload(ctx, id);
  }

  @Mutation(() => Child, {
    description:
      '存档: archives a file that no longer qualifies, with the reason. Nothing is deleted; the child leaves every working list and only holders of the ' +
      'archive right can read the file. The other agencies learn it through the registry set and refuse new care work for the child.',
  })
  async archiveChild(
    @Arg('id', () => ID, { description: 'Registry id of the child.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The child’s version you read.' }) expectedVersion: number,
    @Arg('reason', () => ArchiveReason, { description: 'Why the child no longer qualifies.' }) reason: ArchiveReason,
    @Arg('note', () => String, { nullable: true, description: 'A note, up to 1,000 characters (e.g. 年满16周岁).' }) note: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow> {
    const childId = uuid(id, 'id');
    await archiveChild(ctx, childId, expectedVersion, reason, note);
    return this.reload(ctx, childId);
  }

  @Mutation(() => Child, { description: 'Makes an archived file active again, when the child qualifies again. INVALID_STATE when it is active.' })
  async reactivateChild(
    @Arg('id', () => ID, { description: 'Registry id of the child.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The child’s version you read.' }) expectedVersion: number,
    @Arg('note', () => String, { nullable: true, description: 'Why, up to 1,000 characters.' }) note: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow> {
    const childId = uuid(id, 'id');
    await reactivateChild(ctx, childId, expectedVersion, note);
    return this.reload(ctx, childId);
  }

  private async reload(ctx: CivilAffairsContext, id: string): Promise<ChildRow> {
    ctx.loaders.reviewsByChildId.clear(id);
    ctx.loaders.riskStatusByChildId.clear(id);
    return (await ctx.loaders.childById.clear(id).load(id))!;
  }
}
