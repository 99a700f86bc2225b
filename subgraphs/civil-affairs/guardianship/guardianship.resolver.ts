import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import { GuardianshipInput } from './guardianship.inputs';
import { recordGuardianship, toGuardianship } from './guardianship.service';
import { Guardianship } from './guardianship.type';

@Resolver(() => Child)
export class GuardianshipResolver {
  @FieldResolver(() => Guardianship, { nullable: true, description: 'Who looks after the child; null until recorded.' })
  async guardianship(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.guardianshipByChildId.load(child.id);
    return row ? toGuardianship(row) : null;
  }

  @Mutation(() => Guardianship, {
    description:
      'Records the child’s guardianship, replacing the previous one. Pass the version you read as expectedVersion (omit it only for the first record); a stale one is a VERSION_CONFLICT.',
  })
  async recordGuardianship(
    @Arg('childId', () => ID, { description: 'Registry id of the child.' }) childId: string,
    @Arg('input', () => GuardianshipInput, { description: 'The guardianship as found.' }) input: GuardianshipInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; omit for the first record.' }) expectedVersion: number | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<Guardianship> {
    return recordGuardianship(ctx, uuid(childId, 'childId'), input, expectedVersion);
  }
}
