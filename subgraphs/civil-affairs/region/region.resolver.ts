import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { DomainError, ErrorCode, badInput } from '../../../platform/errors';
import { regionChildren } from '../../../standards/regions';
import { today } from '../../shared/dates';
import { LocalDate } from '../../shared/scalars';
import type { CivilAffairsContext } from '../context';
import { figuresOf, regionByCode, tableOf } from './region.service';
import { ChildFigures, Region } from './region.type';

/** The figures selected under `childFigures`, for the record of the read. */
function selectedFigures(info: GraphQLResolveInfo): string[] {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return [...new Set(selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : [])))]
    .filter((name) => !name.startsWith('__'))
    .sort();
}

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
    // Figures are read for statistics (统计分析) only; stated in the X-Purpose header as for any read.
    if (ctx.purpose !== 'statistics')
      throw new DomainError(
        ctx.purpose ? ErrorCode.FORBIDDEN_PURPOSE : ErrorCode.PURPOSE_REQUIRED,
        'Region figures are read for the statistics purpose: send X-Purpose: statistics.',
      );
    const day = asOf ?? today();
    if (day > today()) throw badInput(`Figures describe today (${today()}) or a past day, not ${day}.`, 'asOf');
    if (!ctx.principal.jurisdiction.some((prefix) => region.code.startsWith(prefix)))
      throw new DomainError(ErrorCode.OUTSIDE_JURISDICTION, `The figures of region ${region.code} are outside your jurisdiction.`, { field: 'code' });
    const recordedAt = await ctx.loaders.figureRecording.load(day);
    if (!recordedAt)
      throw new DomainError(
        ErrorCode.FIGURES_NOT_RECORDED,
        day === today()
          ? 'Today’s figures are not recorded yet (at the registry’s start, then periodically): try again shortly, or ask for a past day.'
          : `No figures were recorded on ${day}: the system did not run that day, or the day precedes its recordings.`,
        { field: 'asOf' },
      );
    const { parent, grouping } = tableOf(region.code);
    const table = await ctx.loaders.figureTable(this.threshold).load(`${parent}|${grouping}|${day}`);
    const reader = { requestId: ctx.requestId, actor: ctx.principal.sub, org: ctx.principal.org, purpose: ctx.purpose, asOf: day };
    await ctx.loaders.reportRead(reader).load({ regionCode: region.code, figures: selectedFigures(info) });
    return figuresOf(table, region.code, day, recordedAt, this.threshold);
  }
}
