import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { requireFigureReader } from '../../shared/reports/figure-access';
import { recordFigureRead } from '../../shared/reports/figure-read';
import { recordingOf } from '../../shared/reports/figure-recordings';
import { LocalDate } from '../../shared/scalars';
import type { EducationContext } from '../context';
import type { SchoolRow } from '../school/school.entity';
import { School } from '../school/school.type';
import { schoolSummaryOf } from './school-summary.service';
import { SchoolSummaryFigures } from './school-summary.type';

@Resolver(() => School)
export class SchoolSummaryResolver {
  constructor(private readonly threshold: number) {}

  @FieldResolver(() => SchoolSummaryFigures, {
    nullable: true,
    description:
      'The school’s summary table (附件2) as counts (统计, `report:aggregate`, purpose `statistics`), for a school whose place is within your ' +
      'jurisdiction only; every read is recorded; null with an error where refused.',
  })
  async summaryFigures(
    @Root() school: SchoolRow,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The day the figures describe: today (the default) or a past day; the figures are the day’s latest recording (see `recordedAt`), the same answer whenever asked (FIGURES_NOT_RECORDED for a day without one).',
    })
    asOf: string | null | undefined,
    @Ctx() ctx: EducationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SchoolSummaryFigures> {
    // The finest place known: a township analyst reaches the schools of its township, not those known only to the county.
    const place = school.townshipCode ?? school.regionCode;
    requireFigureReader(ctx, place, `school ${school.id}`);
    const { day, recordedAt } = await recordingOf(asOf, ctx.loaders.figureRecording);
    const table = await ctx.loaders.schoolSummaryTable(this.threshold).load(`${school.regionCode}|${day}`);
    await recordFigureRead(ctx, day, info, { regionCode: place, schoolId: school.id });
    return schoolSummaryOf(table, school.id, day, recordedAt, this.threshold);
  }
}
