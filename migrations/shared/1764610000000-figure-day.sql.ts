/**
 * FROZEN: the recorded figures (issue 13) as education and the women's federation created them,
 * following civil affairs' `region_figure_day` (1764580000000) with a log of each day's recording.
 * Never edit this file: a change is a new migration. Imports nothing.
 */

/**
 * `region_figure_day` (a day's counts per county and township) and `figure_recording` (when each
 * day was last recorded, so a recording with nothing to count still counts as one): read and
 * written only by the owner's functions, so no grant, and row security with no policy.
 */
export function figureDayTablesSql(): string[] {
  return [
    `CREATE TABLE region_figure_day (
       as_of       date        NOT NULL,
       county      char(6)     NOT NULL,
       township    text        NOT NULL,
       figure      text        NOT NULL,
       n           integer     NOT NULL CHECK (n > 0),
       recorded_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (as_of, county, township, figure)
     )`,
    `ALTER TABLE region_figure_day ENABLE ROW LEVEL SECURITY`,
    `CREATE TABLE figure_recording (as_of date PRIMARY KEY, recorded_at timestamptz NOT NULL DEFAULT now())`,
    `ALTER TABLE figure_recording ENABLE ROW LEVEL SECURITY`,
  ];
}

/** The statements a recorder begins with: one recording at a time, today's logged, today's earlier counts of `tables` gone (past days never touched). */
export function startRecordingSql(recorder: string, tables: string[]): string {
  return `PERFORM pg_advisory_xact_lock(hashtext('${recorder}'));
          INSERT INTO figure_recording (as_of) VALUES (current_date) ON CONFLICT (as_of) DO UPDATE SET recorded_at = now();
          ${tables.map((table) => `DELETE FROM ${table} WHERE as_of = current_date;`).join('\n          ')}`;
}

/**
 * `<name>(p_day, p_prefix, p_group)`: a day's recorded counts of every region one level below a
 * prefix; and `region_figure_recordings(p_days)`: when each day was last recorded (none: no
 * figures that day). Owner's rights, answering only report:aggregate; executed by the app role.
 */
export function figureDayReadersSql(countsOn: string, appRole: string): string[] {
  const grouped = `CASE p_group WHEN 'province' THEN left(county, 2) || '0000' WHEN 'city' THEN left(county, 4) || '00'
                                WHEN 'county' THEN county ELSE township END`;
  return [
    `CREATE FUNCTION ${countsOn}(p_day date, p_prefix text, p_group text) RETURNS TABLE (region text, figure text, n bigint)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
       SELECT ${grouped} AS region, figure, sum(n)::bigint
         FROM (SELECT county::text AS county, township, figure, n FROM region_figure_day WHERE as_of = p_day AND county::text ^@ p_prefix) d
        WHERE 'report:aggregate' = ANY (app_list('app.scopes'))
        GROUP BY 1, 2
     $$`,
    `CREATE FUNCTION region_figure_recordings(p_days date[]) RETURNS TABLE (as_of date, recorded_at timestamptz)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
       SELECT d.day, r.recorded_at
         FROM unnest(p_days) AS d(day) LEFT JOIN figure_recording r ON r.as_of = d.day
        WHERE 'report:aggregate' = ANY (app_list('app.scopes'))
     $$`,
    ...[`${countsOn}(date, text, text)`, 'region_figure_recordings(date[])'].flatMap((fn) => [
      `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION ${fn} TO ${appRole}`,
    ]),
  ];
}

/** Undoes `figureDayReadersSql` and `figureDayTablesSql`. */
export function dropFigureDaySql(countsOn: string): string[] {
  return [
    `DROP FUNCTION region_figure_recordings(date[])`,
    `DROP FUNCTION ${countsOn}(date, text, text)`,
    `DROP TABLE figure_recording`,
    `DROP TABLE region_figure_day`,
  ];
}
