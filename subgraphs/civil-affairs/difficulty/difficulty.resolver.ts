import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { DifficultyRow } from './difficulty.entity';
import { RecordDifficultCircumstanceInput } from './difficulty.inputs';
import { endDifficulty, holdsOn, recordDifficulty } from './difficulty.service';
import { DifficultCircumstance } from './difficulty.type';

@Resolver(() => DifficultCircumstance)
export class DifficultyResolver {
  @Mutation(() => DifficultCircumstance, {
    description:
      'Records a difficult-circumstance category (困境儿童类别) of an active child. CONFLICT when the child already has the category for part of the period; ' +
      'a retry with the same idempotencyKey returns the first record.',
  })
  recordDifficultCircumstance(
    @Arg('input', () => RecordDifficultCircumstanceInput, { description: 'The child and the category.' }) input: RecordDifficultCircumstanceInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' }) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<DifficultyRow> {
    return recordDifficulty(ctx, input, idempotencyKey);
  }

  @Mutation(() => DifficultCircumstance, {
    description: 'Ends a category: it holds until endsOn and not after. The record stays. VERSION_CONFLICT when it changed since you read it.',
  })
  endDifficultCircumstance(
    @Arg('id', () => ID, { description: 'The category record.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('endsOn', () => LocalDate, { description: 'Its last day.' }) endsOn: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why it ends, up to 500 characters.' }) reason: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<DifficultyRow> {
    return endDifficulty(ctx, uuid(id, 'id'), expectedVersion, endsOn, reason);
  }

  @FieldResolver(() => Boolean, { description: 'True when the category holds today.' })
  holdsToday(@Root() row: DifficultyRow): boolean {
    return holdsOn(row);
  }
}

@Resolver(() => Child)
export class ChildDifficultyResolver {
  @FieldResolver(() => [DifficultCircumstance], {
    nullable: true,
    description: '困境儿童类别: the difficult-circumstance categories the child meets (with includeEnded, also those that ended), newest first.',
  })
  async difficultCircumstances(
    @Root() child: ChildRow,
    @Arg('includeEnded', { defaultValue: false, description: 'Also the categories that no longer hold.' }) includeEnded: boolean,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<DifficultyRow[]> {
    const rows = await ctx.loaders.difficultiesByChildId.load(child.id);
    return includeEnded ? rows : rows.filter((row) => holdsOn(row));
  }
}
