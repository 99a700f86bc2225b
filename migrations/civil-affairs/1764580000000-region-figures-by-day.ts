import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

/** Each active child's place (county, township: '' when none) and the figures it counts in, as of today. */
const CHILD_FIGURES_TODAY = `
  CREATE FUNCTION child_figures_today(p_prefix text) RETURNS TABLE (county text, township text, figure text)
    LANGUAGE sql STABLE AS $$
    WITH placed AS (
      SELECT c.id, c.gender, c.birth_date, c.last_reviewed_on, c.created_at,
             c.residence_region_code::text AS county, coalesce(c.residence_township_code::text, '') AS township
        FROM child c
       WHERE c.status = 'ACTIVE' AND c.residence_region_code::text ^@ p_prefix
    ), facts AS (
      SELECT p.county, p.township, p.gender, cc.is_left_behind, rs.in_difficulty, rs.living_alone, rs.guardian_unable,
             CASE WHEN a.age < 6 THEN 'AGE_0_5' WHEN a.age < 12 THEN 'AGE_6_11' WHEN a.age < 16 THEN 'AGE_12_15' ELSE 'AGE_16_17' END AS age_band,
             (SELECT g.form FROM guardianship g WHERE g.child_id = p.id ORDER BY g.version DESC LIMIT 1) AS form,
             coalesce(p.last_reviewed_on, p.created_at::date) >= (current_date - interval '3 months')::date AS reviewed
        FROM placed p
        JOIN child_classification cc ON cc.child_id = p.id
        JOIN child_risk_status rs ON rs.child_id = p.id
        CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, p.birth_date))::int AS age) a
    )
    SELECT county, township, figure
      FROM facts, unnest(array_remove(ARRAY[
             'registered', 'gender:' || gender, 'ageBand:' || age_band, 'guardianshipForm:' || coalesce(form, 'NONE'),
             CASE WHEN is_left_behind THEN 'leftBehind' END,
             CASE WHEN in_difficulty THEN 'inDifficultCircumstances' END,
             CASE WHEN living_alone THEN 'livingAlone' END,
             CASE WHEN guardian_unable THEN 'guardianUnable' END,
             CASE WHEN reviewed THEN 'reviewedWithinThreeMonths' END], NULL)) AS figure
  $$`;

/** The region a (county, township) place falls in, at a grouping level. */
const GROUPED = `CASE p_group WHEN 'province' THEN left(county, 2) || '0000' WHEN 'city' THEN left(county, 4) || '00'
                                WHEN 'county' THEN county ELSE township END`;

/**
 * Region figures are recorded, then read (issue 13). Term and quarter reports must give the same
 * answer whenever they are asked, but the registry keeps current facts (a parent's return, a move,
 * a guardian's change overwrite or supersede what was), so a past day's figures cannot be
 * recomputed later; and counting every child of a province for each report does not stay under a
 * second as the registry grows. So the counts per county and township (counts only, never a child)
 * are recorded in `region_figure_day`: at the subgraph's start and periodically, each recording
 * replacing the day's previous one, the last of a day standing for it and past days never
 * rewritten. A report for any day, today included, reads that day's latest recording: the same
 * answer whenever asked, one recording for every level of a query (a province and its cities agree),
 * in time proportional to the recorded places, not to the children.
 *
 * The per-child computation (`child_figures_today`) is the live count of 1764570000000 moved into a
 * function; `region_child_counts` (the live count) goes.
 */
export class RegionFiguresByDay1764580000000 implements MigrationInterface {
  name = 'RegionFiguresByDay1764580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(CHILD_FIGURES_TODAY);
    // Called only inside the owner's recording function; the application role reads no child through it.
    await db.query(`REVOKE ALL ON FUNCTION child_figures_today(text) FROM PUBLIC`);
    await db.query(`DROP FUNCTION region_child_counts(text, text)`);

    await db.query(`
      CREATE TABLE region_figure_day (
        as_of       date        NOT NULL,
        county      char(6)     NOT NULL,
        township    text        NOT NULL,
        figure      text        NOT NULL,
        n           integer     NOT NULL CHECK (n > 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (as_of, county, township, figure)
      )`);
    // Read and written only by the owner's functions: no grant, and row security with no policy.
    await db.query(`ALTER TABLE region_figure_day ENABLE ROW LEVEL SECURITY`);

    // Records today's counts, replacing today's earlier recording; past days are never touched.
    await db.query(`
      CREATE FUNCTION record_region_figures() RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE recorded integer;
        BEGIN
          PERFORM pg_advisory_xact_lock(hashtext('record_region_figures'));
          DELETE FROM region_figure_day WHERE as_of = current_date;
          INSERT INTO region_figure_day (as_of, county, township, figure, n)
          SELECT current_date, county, township, figure, count(*) FROM child_figures_today('') GROUP BY county, township, figure;
          GET DIAGNOSTICS recorded = ROW_COUNT;
          RETURN recorded;
        END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION record_region_figures() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION record_region_figures() TO ${APP}`);

    // A day's recorded counts of every region one level below a prefix; for report:aggregate only.
    await db.query(`
      CREATE FUNCTION region_child_counts_on(p_day date, p_prefix text, p_group text) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ${GROUPED} AS region, figure, sum(n)::bigint
          FROM (SELECT county::text AS county, township, figure, n FROM region_figure_day WHERE as_of = p_day AND county::text ^@ p_prefix) d
         WHERE 'report:aggregate' = ANY (app_list('app.scopes'))
         GROUP BY 1, 2
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION region_child_counts_on(date, text, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_child_counts_on(date, text, text) TO ${APP}`);

    // When each of some days was last recorded (none: no figures that day); for report:aggregate only.
    await db.query(`
      CREATE FUNCTION region_figure_recordings(p_days date[]) RETURNS TABLE (as_of date, recorded_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT d.day, (SELECT max(f.recorded_at) FROM region_figure_day f WHERE f.as_of = d.day)
          FROM unnest(p_days) AS d(day)
         WHERE 'report:aggregate' = ANY (app_list('app.scopes'))
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION region_figure_recordings(date[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_figure_recordings(date[]) TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION region_figure_recordings(date[])`);
    await db.query(`DROP FUNCTION region_child_counts_on(date, text, text)`);
    await db.query(`DROP FUNCTION record_region_figures()`);
    await db.query(`DROP TABLE region_figure_day`);
    await db.query(`DROP FUNCTION child_figures_today(text)`);
    // The definition of 1764570000000, restored as it was.
    await db.query(`
      CREATE FUNCTION region_child_counts(p_prefix text, p_group text) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH placed AS (
          SELECT c.id, c.gender, c.birth_date, c.last_reviewed_on, c.created_at,
                 CASE p_group WHEN 'province' THEN left(c.residence_region_code, 2) || '0000'
                              WHEN 'city' THEN left(c.residence_region_code, 4) || '00'
                              WHEN 'county' THEN c.residence_region_code::text
                              ELSE coalesce(c.residence_township_code::text, '') END AS region
            FROM child c
           WHERE c.status = 'ACTIVE' AND c.residence_region_code::text ^@ p_prefix
             AND 'report:aggregate' = ANY (app_list('app.scopes'))
        ), facts AS (
          SELECT p.region, p.gender, cc.is_left_behind, rs.in_difficulty, rs.living_alone, rs.guardian_unable,
                 CASE WHEN a.age < 6 THEN 'AGE_0_5' WHEN a.age < 12 THEN 'AGE_6_11' WHEN a.age < 16 THEN 'AGE_12_15' ELSE 'AGE_16_17' END AS age_band,
                 (SELECT g.form FROM guardianship g WHERE g.child_id = p.id ORDER BY g.version DESC LIMIT 1) AS form,
                 coalesce(p.last_reviewed_on, p.created_at::date) >= (current_date - interval '3 months')::date AS reviewed
            FROM placed p
            JOIN child_classification cc ON cc.child_id = p.id
            JOIN child_risk_status rs ON rs.child_id = p.id
            CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, p.birth_date))::int AS age) a
        )
        SELECT region, figure, count(*)::bigint
          FROM facts, unnest(array_remove(ARRAY[
                 'registered', 'gender:' || gender, 'ageBand:' || age_band, 'guardianshipForm:' || coalesce(form, 'NONE'),
                 CASE WHEN is_left_behind THEN 'leftBehind' END,
                 CASE WHEN in_difficulty THEN 'inDifficultCircumstances' END,
                 CASE WHEN living_alone THEN 'livingAlone' END,
                 CASE WHEN guardian_unable THEN 'guardianUnable' END,
                 CASE WHEN reviewed THEN 'reviewedWithinThreeMonths' END], NULL)) AS figure
         GROUP BY region, figure
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION region_child_counts(text, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_child_counts(text, text) TO ${APP}`);
  }
}
