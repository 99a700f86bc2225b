import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { loaderFamily } from '../../shared/loaders';
import { findRecordings, findRegionCounts, insertReportReads, type RegionGrouping, type ReportRead } from './region.repository';
import { prefixOf, suppressedTable, type FigureTable } from './region.service';

/** Who reads figures in this request, for the record of each read. */
export interface FigureReader {
  requestId: string;
  actor: string;
  org: string;
  purpose: string | null;
  asOf: string;
}

/**
 * The region DataLoaders of one request: a parent's suppressed table for a day (one statement per
 * parent and day, shared by all its children regions asked for), when the days asked for were last
 * recorded (one statement for all), and the record of every figures read (one statement for all of
 * the request's reads in a tick). A table key is `parent|grouping|day`.
 */
export function regionLoaders(db: EntityManager) {
  return {
    figureTable: loaderFamily(
      (threshold: number) =>
        new DataLoader<string, FigureTable, string>(async (keys) =>
          Promise.all(
            keys.map(async (key) => {
              const [parent, grouping, day] = key.split('|') as [string, RegionGrouping, string];
              return suppressedTable(parent, await findRegionCounts(db, day, prefixOf(parent), grouping), threshold);
            }),
          ),
        ),
      String,
    ),
    figureRecording: new DataLoader<string, Date | null>(async (days) => {
      const recordings = await findRecordings(db, days);
      return days.map((day) => recordings.get(day) ?? null);
    }),
    reportRead: loaderFamily(
      (reader: FigureReader) =>
        new DataLoader<ReportRead, true, string>(
          async (reads) => {
            await insertReportReads(db, reader, reads);
            return reads.map(() => true as const);
          },
          { cacheKeyFn: (read) => `${read.regionCode}|${read.figures.join(',')}` },
        ),
    ),
  };
}
