import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { loaderFamily } from '../../shared/loaders';
import { findRegionCounts, insertReportReads, type RegionGrouping, type ReportRead } from './region.repository';
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
 * The region DataLoaders of one request: a parent's suppressed table (one statement per parent,
 * shared by all its children regions asked for), and the record of every figures read (one
 * statement for all of the request's reads in a tick).
 */
export function regionLoaders(db: EntityManager) {
  return {
    figureTable: loaderFamily(
      (threshold: number) =>
        new DataLoader<string, FigureTable, string>(async (keys) =>
          Promise.all(
            keys.map(async (key) => {
              const [parent, grouping] = key.split('|') as [string, RegionGrouping];
              return suppressedTable(parent, await findRegionCounts(db, prefixOf(parent), grouping), threshold);
            }),
          ),
        ),
      String,
    ),
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
