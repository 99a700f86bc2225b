import type { EntityManager } from 'typeorm';

/** How a parent's children regions are keyed in SQL: by province, city, county or township code. */
export type RegionGrouping = 'province' | 'city' | 'county' | 'township';

/** One count: a figure (`registered`, `gender:MALE`, …) of one region one level below the prefix (`''`: children placed in no township). */
export interface RegionCountRow {
  region: string;
  figure: string;
  n: string;
}

/** A day's recorded counts of every region one level below `prefix`, in one statement (owner's rights, report:aggregate only). */
export function findRegionCounts(db: EntityManager, day: string, prefix: string, grouping: RegionGrouping): Promise<RegionCountRow[]> {
  return db.query('SELECT region, figure, n FROM region_child_counts_on($1::date, $2, $3)', [day, prefix, grouping]);
}

/** When each of the days was last recorded (absent: never), in one statement. */
export async function findRecordings(db: EntityManager, days: ReadonlyArray<string>): Promise<Map<string, Date>> {
  const rows: Array<{ day: string; recorded_at: Date | null }> = await db.query(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS day, recorded_at FROM region_figure_recordings($1::date[])`,
    [days],
  );
  return new Map(rows.flatMap((row) => (row.recorded_at ? [[row.day, row.recorded_at] as const] : [])));
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
