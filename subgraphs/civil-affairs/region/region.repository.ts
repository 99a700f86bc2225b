import type { EntityManager } from 'typeorm';

/** How a parent's children regions are keyed in SQL: by province, city, county or township code. */
export type RegionGrouping = 'province' | 'city' | 'county' | 'township';

/** One count: a figure (`registered`, `gender:MALE`, …) of one region one level below the prefix (`''`: children placed in no township). */
export interface RegionCountRow {
  region: string;
  figure: string;
  n: string;
}

/**
 * The counts of every region one level below `prefix`, in one statement: today's from the registry
 * (region_child_counts), a past day's from the counts recorded that day (region_child_counts_on).
 * Both run with the owner's rights and answer only report:aggregate.
 */
export function findRegionCounts(db: EntityManager, prefix: string, grouping: RegionGrouping, pastDay: string | null): Promise<RegionCountRow[]> {
  return pastDay === null
    ? db.query('SELECT region, figure, n FROM region_child_counts($1, $2)', [prefix, grouping])
    : db.query('SELECT region, figure, n FROM region_child_counts_on($1::date, $2, $3)', [pastDay, prefix, grouping]);
}

/** Of the given past days, those whose figures were recorded, in one statement. */
export async function findRecordedDays(db: EntityManager, days: ReadonlyArray<string>): Promise<Set<string>> {
  const rows: Array<{ day: string }> = await db.query(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM region_figure_days($1::date, $2::date) d WHERE d = ANY ($3::date[])`,
    [[...days].sort()[0], [...days].sort().at(-1), days],
  );
  return new Set(rows.map((row) => row.day));
}

export interface ReportRead {
  regionCode: string;
  figures: string[];
}

/** Records reads of figures (who, organisation, purpose, region, figures, as of), all of a request's batch in one statement. */
export async function insertReportReads(
  db: EntityManager,
  reader: { requestId: string; actor: string; org: string; purpose: string | null; asOf: string },
  reads: ReadonlyArray<ReportRead>,
): Promise<void> {
  if (!reads.length) return;
  await db.query(
    `INSERT INTO report_read (request_id, actor, org, purpose, region_code, figures, as_of)
     SELECT $1, $2, $3, $4, r.region_code, string_to_array(r.figures, ','), $5::date
       FROM unnest($6::text[], $7::text[]) AS r(region_code, figures)`,
    [
      reader.requestId,
      reader.actor,
      reader.org,
      reader.purpose,
      reader.asOf,
      reads.map((read) => read.regionCode),
      reads.map((read) => read.figures.join(',')),
    ],
  );
}
