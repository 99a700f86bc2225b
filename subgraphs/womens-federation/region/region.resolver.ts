import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { readRegionFigures } from '../../shared/reports/figure-read';
import { LocalDate } from '../../shared/scalars';
import type { WomensFederationContext } from '../context';
import { federationFiguresOf } from './region.service';
import { FederationFigures, Region } from './region.type';

@Resolver(() => Region)
export class RegionFederationFiguresResolver {
  constructor(private readonly threshold: number) {}

  @FieldResolver(() => FederationFigures, {
    nullable: true,
    description:
      'The women’s federation’s figures for the region (统计, `report:aggregate`, purpose `statistics`), within your jurisdiction only; every read is recorded; null with an error where refused.',
  })
  federationFigures(
    @Root() region: Region,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The day the figures describe: today (the default) or a past day; the figures are the day’s latest recording (see `recordedAt`), the same answer whenever asked (FIGURES_NOT_RECORDED for a day without one).',
    })
    asOf: string | null | undefined,
    @Ctx() ctx: WomensFederationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FederationFigures> {
    return readRegionFigures(ctx, ctx.loaders.federationTable, this.threshold, region.code, asOf, info, federationFiguresOf);
  }
}
