import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { regionChildren } from '../../../standards/regions';
import { requireFigureReader } from '../../shared/reports/figure-access';
import { readRegionTable } from '../../shared/reports/figure-read';
import { LocalDate } from '../../shared/scalars';
import type { CivilAffairsContext } from '../context';
import { figuresOf, recordingOf, regionByCode } from './region.service';
import { today } from '../../shared/dates';
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
  async childFigures(
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
    requireFigureReader(ctx, region.code, `region ${region.code}`);
    const day = asOf ?? today();
    const recordedAt = await recordingOf(day, ctx.loaders.figureRecording);
    const table = await readRegionTable(ctx, ctx.loaders.figureTable, this.threshold, region.code, day, info);
    return figuresOf(table, region.code, day, recordedAt, this.threshold);
  }
}
