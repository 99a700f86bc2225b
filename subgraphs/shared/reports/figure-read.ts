import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../../../platform/principal';
import { requireFigureReader } from './figure-access';
import { recordingOf, type figureRecordingLoaders } from './figure-recordings';
import { tableHolding, type regionTableLoader } from './figure-table.loader';
import { selectedFigures, type reportReadLoaders, type ReportRead } from './report-read';
import type { FigureTable } from './suppression';

/** What a figures resolver needs of its request's context. */
export interface FigureContext {
  principal: Principal;
  purpose: string | null;
  requestId: string;
  loaders: ReturnType<typeof reportReadLoaders> & ReturnType<typeof figureRecordingLoaders>;
}

/** Records a read of the figures selected (`read` says of what), for the request's reader, as of `day`. */
export function recordFigureRead(ctx: FigureContext, day: string, info: GraphQLResolveInfo, read: Omit<ReportRead, 'figures'>): Promise<true> {
  const reader = { requestId: ctx.requestId, actor: ctx.principal.sub, org: ctx.principal.org, purpose: ctx.purpose, asOf: day };
  return ctx.loaders.reportRead(reader).load({ ...read, figures: selectedFigures(info) });
}

/** A region's suppressed table (its parent's) as of `day`, the read recorded. */
export async function readRegionTable(
  ctx: FigureContext,
  loader: ReturnType<typeof regionTableLoader>,
  threshold: number,
  code: string,
  day: string,
  info: GraphQLResolveInfo,
): Promise<FigureTable> {
  const table = await tableHolding(loader, threshold, code, day);
  await recordFigureRead(ctx, day, info, { regionCode: code });
  return table;
}

/**
 * A region's figures of one family for the request's reader, as an agency publishes them: the
 * reader checked (statistics purpose, jurisdiction), the day checked and its recording found, the
 * table loaded from that recording through the request's DataLoader, the read recorded, then the
 * region's row published by `publish`.
 */
export async function readRegionFigures<F>(
  ctx: FigureContext,
  loader: ReturnType<typeof regionTableLoader>,
  threshold: number,
  code: string,
  asOf: string | null | undefined,
  info: GraphQLResolveInfo,
  publish: (table: FigureTable, code: string, day: string, recordedAt: Date, threshold: number) => F,
): Promise<F> {
  requireFigureReader(ctx, code, `region ${code}`);
  const { day, recordedAt } = await recordingOf(asOf, ctx.loaders.figureRecording);
  return publish(await readRegionTable(ctx, loader, threshold, code, day, info), code, day, recordedAt, threshold);
}
