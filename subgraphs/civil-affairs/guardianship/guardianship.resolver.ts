import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import { GuardianshipInput } from './guardianship.inputs';
import { recordGuardianship, recordParentsNotified, toGuardianship, toNotice } from './guardianship.service';
import { Guardianship, ReentrustmentNotice } from './guardianship.type';

@Resolver(() => Child)
export class GuardianshipResolver {
  @FieldResolver(() => Guardianship, { nullable: true, description: 'Who looks after the child now (the latest version); null until recorded.' })
  async guardianship(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.guardianshipByChildId.load(child.id);
    return row ? toGuardianship(row) : null;
  }

  @FieldResolver(() => [Guardianship], {
    nullable: true,
    description: '监护变动情况: every version of the child’s guardianship, newest (the current one) first.',
  })
  async guardianshipHistory(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    return (await ctx.loaders.guardianshipHistoryByChildId.load(child.id)).map(toGuardianship);
  }

  @FieldResolver(() => [ReentrustmentNotice], { nullable: true, description: 'Re-entrustment notices to the parents, open and closed, newest first.' })
  async reentrustmentNotices(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    return (await ctx.loaders.reentrustmentNoticesByChildId.load(child.id)).map(toNotice);
  }

  @Mutation(() => Guardianship, {
    description:
      'Records the child’s guardianship as a new version; the previous one stays in guardianshipHistory. Pass the current version as expectedVersion ' +
      '(omit it only for the first record); a stale one is a VERSION_CONFLICT. A guardian UNABLE opens a re-entrustment notice; a CAPABLE one closes it.',
  })
  async recordGuardianship(
    @Arg('childId', () => ID, { description: 'Registry id of the child.' }) childId: string,
    @Arg('input', () => GuardianshipInput, { description: 'The guardianship as found.' }) input: GuardianshipInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The current version you read; omit for the first record.' })
    expectedVersion: number | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<Guardianship> {
    return recordGuardianship(ctx, uuid(childId, 'childId'), input, expectedVersion);
  }

  @Mutation(() => ReentrustmentNotice, {
    description: 'Records the day the parents were told to re-entrust the child (the notice stays open until a capable guardian is recorded).',
  })
  async recordParentsNotified(
    @Arg('noticeId', () => ID, { description: 'The re-entrustment notice.' }) noticeId: string,
    @Arg('expectedVersion', () => Int, { description: 'The notice’s version you read.' }) expectedVersion: number,
    @Arg('notifiedOn', () => LocalDate, { description: 'When the parents were told; not in the future.' }) notifiedOn: string,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    return toNotice(await recordParentsNotified(ctx, uuid(noticeId, 'noticeId'), expectedVersion, notifiedOn));
  }
}
