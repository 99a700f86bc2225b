import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from 'typeorm';
import { loaderFamily } from '../loaders';

/** Who reads figures in this request, for the record of each read. */
export interface FigureReader {
  requestId: string;
  actor: string;
  org: string;
  purpose: string | null;
  asOf: string;
}

/** One read: the region (for a school, its place), the school where one was read, the figures selected. */
export interface ReportRead {
  regionCode: string;
  schoolId?: string;
  figures: string[];
}

/** The figures selected under a figures field, for the record of the read. */
export function selectedFigures(info: GraphQLResolveInfo): string[] {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return [...new Set(selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : [])))]
    .filter((name) => !name.startsWith('__'))
    .sort();
}

/**
 * Records reads of figures in the agency's own `report_read` (who, organisation, purpose, region,
 * figures, as of; the school where the table has one), all of a request's batch in one statement.
 */
export async function insertReportReads(db: EntityManager, reader: FigureReader, reads: ReadonlyArray<ReportRead>): Promise<void> {
  if (!reads.length) return;
  const schools = reads.some((read) => read.schoolId);
  await db.query(
    `INSERT INTO report_read (request_id, actor, org, purpose, region_code, figures, as_of${schools ? ', school_id' : ''})
     SELECT $1, $2, $3, $4, r.region_code, string_to_array(r.figures, ','), $5::date${schools ? ', r.school_id::uuid' : ''}
       FROM unnest($6::text[], $7::text[], $8::text[]) AS r(region_code, figures, school_id)`,
    [
      reader.requestId,
      reader.actor,
      reader.org,
      reader.purpose,
      reader.asOf,
      reads.map((read) => read.regionCode),
      reads.map((read) => read.figures.join(',')),
      reads.map((read) => read.schoolId ?? null),
    ],
  );
}

/** The record of every figures read of a request: one statement for all of its reads in a tick. */
export function reportReadLoaders(db: EntityManager) {
  return {
    reportRead: loaderFamily(
      (reader: FigureReader) =>
        new DataLoader<ReportRead, true, string>(
          async (reads) => {
            await insertReportReads(db, reader, reads);
            return reads.map(() => true as const);
          },
          { cacheKeyFn: (read) => `${read.regionCode}|${read.schoolId ?? ''}|${read.figures.join(',')}` },
        ),
    ),
  };
}
