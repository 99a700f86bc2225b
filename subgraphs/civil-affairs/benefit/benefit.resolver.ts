import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { BenefitRow } from './benefit.entity';
import { RecordBenefitInput } from './benefit.inputs';
import { benefitActiveOn, endBenefit, recordBenefit } from './benefit.service';
import { Benefit } from './benefit.type';

@Resolver(() => Benefit)
export class BenefitResolver {
  @Mutation(() => Benefit, { description: 'Records a benefit paid for an active child. A retry with the same idempotencyKey returns the first record.' })
  recordBenefit(
    @Arg('input', () => RecordBenefitInput, { description: 'The child and the benefit.' }) input: RecordBenefitInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' }) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<BenefitRow> {
    return recordBenefit(ctx, input, idempotencyKey);
  }

  @Mutation(() => Benefit, { description: 'Ends a benefit: endsOn is its last day. The record stays. VERSION_CONFLICT when it changed since you read it.' })
  endBenefit(
    @Arg('id', () => ID, { description: 'The benefit.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('endsOn', () => LocalDate, { description: 'Its last day.' }) endsOn: string,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<BenefitRow> {
    return endBenefit(ctx, uuid(id, 'id'), expectedVersion, endsOn);
  }

  @FieldResolver(() => Boolean, { description: 'True when the period includes today.' })
  active(@Root() row: BenefitRow): boolean {
    return benefitActiveOn(row);
  }
}

@Resolver(() => Child)
export class ChildBenefitsResolver {
  @FieldResolver(() => [Benefit], {
    nullable: true,
    description:
      'Welfare benefits (低保, orphan and de-facto unsupported allowances...) paid for the child now (with includeEnded, also past ones), newest first.',
  })
  async benefits(
    @Root() child: ChildRow,
    @Arg('includeEnded', { defaultValue: false, description: 'Also the benefits whose period has ended.' }) includeEnded: boolean,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<BenefitRow[]> {
    const rows = await ctx.loaders.benefitsByChildId.load(child.id);
    return includeEnded ? rows : rows.filter((row) => benefitActiveOn(row));
  }
}
