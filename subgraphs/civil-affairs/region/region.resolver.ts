import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { regionChildren } from '../../../standards/regions';
import { readRegionFigures } from '../../shared/reports/figure-read';
import { LocalDate } from '../../shared/scalars';
import type { CivilAffairsContext } from '../context';
import { figuresOf, regionByCode } from './region.service';
import { ChildFigures, Region } from './region.type';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly threshold: number) {}

  @Query(() => Region, { nullable: true, description: 'A region by its GB/T 2260 code (6 digits) or township code (9): null when there is none.' })
  region(@Arg('code', { description: 'The region’s code, e.g. 340000 (安徽省), 341322 (萧县) or 341322101.' }) code: string): Region | null {
    return regionByCode(code);
  }

  @FieldResolver(() => [Region], { description: 'The regions one level down (a province’s cities, a city’s counties, a county’s townships).' })
  children(@Root() region: Region): Region[] {
    return regionChildren(region.code).flatMap((code) => regionByCode(code) ?? []);
  }

  @FieldResolver(() => ChildFigures, {
    description:
      'The registry’s figures for the region (统计, `report:aggregate`, purpose `statistics`), within your jurisdiction only; every read is recorded.',
  })
  childFigures(
    @Root() region: Region,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The day the figures describe: today (the default) or a past day; the figures are the day’s latest recording (see `recordedAt`), the same answer whenever asked (FIGURES_NOT_RECORDED for a day without one).',
    })
    asOf: string | null | undefined,
    @Ctx() ctx: CivilAffairsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChildFigures> {
    return readRegionFigures(ctx, ctx.loaders.figureTable, this.threshold, region.code, asOf, info, figuresOf);
  }
}
