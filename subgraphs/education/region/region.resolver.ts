import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { readRegionFigures } from '../../shared/reports/figure-read';
import { LocalDate } from '../../shared/scalars';
import type { EducationContext } from '../context';
import { educationFiguresOf } from './region.service';
import { EducationFigures, Region } from './region.type';

@Resolver(() => Region)
export class RegionSchoolFiguresResolver {
  constructor(private readonly threshold: number) {}

  @FieldResolver(() => EducationFigures, {
    nullable: true,
    description:
      'Education’s figures for the region (统计, `report:aggregate`, purpose `statistics`), within your jurisdiction only; every read is recorded; null with an error where refused.',
  })
  schoolFigures(
    @Root() region: Region,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The day the figures describe: today (the default) or a past day; the figures are the day’s latest recording (see `recordedAt`), the same answer whenever asked (FIGURES_NOT_RECORDED for a day without one).',
    })
    asOf: string | null | undefined,
    @Ctx() ctx: EducationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EducationFigures> {
    return readRegionFigures(ctx, ctx.loaders.educationTable, this.threshold, region.code, asOf, info, educationFiguresOf);
  }
}
