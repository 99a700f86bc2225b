import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropFigureDaySql, figureDayReadersSql, figureDayTablesSql, startRecordingSql } from '../shared/1764610000000-figure-day.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

/**
 * The first day of the term (学期) a day falls in, as the service's term rule says when this
 * migration was written: 1 March (spring, March to August) or 1 September (autumn, to February).
 * The recorder runs in the database, without the service, so the rule is stated here too.
 */
const TERM_START = `CASE WHEN extract(month FROM current_date) BETWEEN 3 AND 8 THEN make_date(extract(year FROM current_date)::int, 3, 1)
                         WHEN extract(month FROM current_date) >= 9 THEN make_date(extract(year FROM current_date)::int, 9, 1)
                         ELSE make_date(extract(year FROM current_date)::int - 1, 9, 1) END`;

/**
 * Each active child of the registry copy, by place of residence (county, township: '' when none),
 * and education's figures it counts in, as of today: the live count of 1764580000000
 * (`region_school_counts`) moved into a function, the term's first day now the recorder's.
 */
const SCHOOL_CHILD_FIGURES_TODAY = `
  CREATE FUNCTION school_child_figures_today(p_prefix text) RETURNS TABLE (county text, township text, figure text)
    LANGUAGE sql STABLE AS $$
    WITH placed AS (
      SELECT r.child_id, r.is_left_behind OR r.in_difficulty AS care_due,
             r.residence_region_code AS county, coalesce(r.residence_township_code, '') AS township, ${TERM_START} AS term_start
        FROM registry_feed.child r
       WHERE r.status = 'ACTIVE' AND r.residence_region_code ^@ p_prefix
    ), facts AS (
      SELECT p.county, p.township, p.care_due, e.status AS enrolment,
             EXISTS (SELECT 1 FROM care_assignment ca WHERE ca.child_id = p.child_id AND ca.ended_on IS NULL) AS cared,
             EXISTS (SELECT 1 FROM talk t WHERE t.child_id = p.child_id AND t.held_on BETWEEN current_date - 14 AND current_date) AS talked,
             EXISTS (SELECT 1 FROM file_check f WHERE f.child_id = p.child_id AND f.checked_on BETWEEN p.term_start AND current_date) AS file_checked,
             EXISTS (SELECT 1 FROM wellbeing_screening w WHERE w.child_id = p.child_id AND w.screened_on BETWEEN p.term_start AND current_date) AS screened,
             d.opened, d.escalated, d.returned,
             ARRAY(SELECT DISTINCT 'aidKind:' || a.kind FROM aid_grant a WHERE a.child_id = p.child_id AND a.granted_on BETWEEN p.term_start AND current_date) AS aid
        FROM placed p
        LEFT JOIN enrolment e ON e.child_id = p.child_id AND e.status IN ('ENROLLED', 'SUSPENDED')
        CROSS JOIN LATERAL (
          SELECT count(*) > 0 AS opened,
                 coalesce(bool_or(EXISTS (SELECT 1 FROM dropout_escalation x WHERE x.case_id = c.id)), false) AS escalated,
                 coalesce(bool_or(c.outcome = 'RETURNED'), false) AS returned
            FROM dropout_case c WHERE c.child_id = p.child_id AND c.opened_on BETWEEN p.term_start AND current_date) d
    )
    SELECT county, township, figure
      FROM facts, unnest(array_remove(ARRAY[
             'registered',
             CASE WHEN enrolment IS NOT NULL THEN 'enrolled' END,
             CASE WHEN enrolment IS NOT NULL THEN 'enrolmentStatus:' || enrolment END,
             CASE WHEN enrolment = 'ENROLLED' AND care_due THEN 'careDue' END,
             CASE WHEN enrolment = 'ENROLLED' AND care_due AND cared THEN 'withCarePerson' END,
             CASE WHEN enrolment = 'ENROLLED' AND care_due AND talked THEN 'talkedWithin14Days' END,
             CASE WHEN enrolment IS NOT NULL AND file_checked THEN 'fileChecked' END,
             CASE WHEN enrolment IS NOT NULL AND screened THEN 'screened' END,
             CASE WHEN opened THEN 'dropoutOpened' END,
             CASE WHEN opened AND escalated THEN 'dropoutEscalated' END,
             CASE WHEN opened AND returned THEN 'dropoutReturned' END], NULL) || aid) AS figure
  $$`;

/**
 * 附件2 per school, as of today: each pupil of a school's roster (open enrolments of children in the
 * registry set) and each child who left it this term (变动情况), with the figures it counts in, and
 * every school once as `school` (its roll call: a school with nobody is still a member of its
 * county's table). The live count of 1764580000000 (`school_roster_counts`) moved into a function.
 */
const SCHOOL_ROSTER_FIGURES_TODAY = `
  CREATE FUNCTION school_roster_figures_today() RETURNS TABLE (county text, school uuid, figure text)
    LANGUAGE sql STABLE AS $$
    WITH roster AS (
      SELECT s.region_code, e.school_id, e.status, e.boarding, r.left_behind_type, r.is_left_behind, r.in_difficulty,
             EXISTS (SELECT 1 FROM care_assignment ca WHERE ca.child_id = e.child_id AND ca.ended_on IS NULL) AS cared,
             EXISTS (SELECT 1 FROM talk t WHERE t.child_id = e.child_id AND t.held_on BETWEEN current_date - 14 AND current_date) AS talked
        FROM school s
        JOIN enrolment e ON e.school_id = s.id AND e.status IN ('ENROLLED', 'SUSPENDED')
        JOIN registry_feed.child r ON r.child_id = e.child_id AND r.status = 'ACTIVE'
    ), departed AS (
      SELECT DISTINCT ON (e.child_id, e.school_id) s.region_code, e.school_id, e.status
        FROM school s
        JOIN enrolment e ON e.school_id = s.id AND e.status IN ('TRANSFERRED', 'DROPPED_OUT', 'GRADUATED')
                        AND e.ended_on BETWEEN ${TERM_START} AND current_date
        JOIN registry_feed.child r ON r.child_id = e.child_id
       ORDER BY e.child_id, e.school_id, e.ended_on DESC
    )
    SELECT region_code::text, school_id, unnest(array_remove(ARRAY[
             'onRoster', 'leftBehindType:' || left_behind_type,
             CASE WHEN is_left_behind THEN 'leftBehind' END,
             CASE WHEN in_difficulty THEN 'inDifficulty' END,
             CASE WHEN status = 'SUSPENDED' THEN 'suspended' END,
             CASE WHEN boarding THEN 'boarders' END,
             CASE WHEN cared THEN 'withCarePerson' END,
             CASE WHEN talked THEN 'talkedWithin14Days' END], NULL))
      FROM roster
    UNION ALL
    SELECT region_code::text, school_id, unnest(ARRAY['leftSchool', 'leftSchoolAs:' || status]) FROM departed
    UNION ALL
    SELECT s.region_code::text, s.id, 'school' FROM school s
  $$`;

/** For down(): the live counts of 1764580000000, as they were. */
const LIVE_REGION_OF = `CASE p_group WHEN 'province' THEN left(r.residence_region_code, 2) || '0000'
                                 WHEN 'city' THEN left(r.residence_region_code, 4) || '00'
                                 WHEN 'county' THEN r.residence_region_code
                                 ELSE coalesce(r.residence_township_code, '') END`;

const LIVE_REGION_SCHOOL_COUNTS = `
      CREATE FUNCTION region_school_counts(p_prefix text, p_group text, p_on date, p_term_start date) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH placed AS (
          SELECT r.child_id, r.is_left_behind OR r.in_difficulty AS care_due, ${LIVE_REGION_OF} AS region
            FROM registry_feed.child r
           WHERE r.status = 'ACTIVE' AND r.residence_region_code ^@ p_prefix
             AND 'report:aggregate' = ANY (app_list('app.scopes'))
        ), facts AS (
          SELECT p.region, p.care_due, e.status AS enrolment,
                 EXISTS (SELECT 1 FROM care_assignment ca WHERE ca.child_id = p.child_id AND ca.ended_on IS NULL) AS cared,
                 EXISTS (SELECT 1 FROM talk t WHERE t.child_id = p.child_id AND t.held_on BETWEEN p_on - 14 AND p_on) AS talked,
                 EXISTS (SELECT 1 FROM file_check f WHERE f.child_id = p.child_id AND f.checked_on BETWEEN p_term_start AND p_on) AS file_checked,
                 EXISTS (SELECT 1 FROM wellbeing_screening w WHERE w.child_id = p.child_id AND w.screened_on BETWEEN p_term_start AND p_on) AS screened,
                 d.opened, d.escalated, d.returned,
                 ARRAY(SELECT DISTINCT 'aidKind:' || a.kind FROM aid_grant a WHERE a.child_id = p.child_id AND a.granted_on BETWEEN p_term_start AND p_on) AS aid
            FROM placed p
            LEFT JOIN enrolment e ON e.child_id = p.child_id AND e.status IN ('ENROLLED', 'SUSPENDED')
            CROSS JOIN LATERAL (
              SELECT count(*) > 0 AS opened,
                     coalesce(bool_or(EXISTS (SELECT 1 FROM dropout_escalation x WHERE x.case_id = c.id)), false) AS escalated,
                     coalesce(bool_or(c.outcome = 'RETURNED'), false) AS returned
                FROM dropout_case c WHERE c.child_id = p.child_id AND c.opened_on BETWEEN p_term_start AND p_on) d
        )
        SELECT region, figure, count(*)::bigint
          FROM facts, unnest(array_remove(ARRAY[
                 'registered',
                 CASE WHEN enrolment IS NOT NULL THEN 'enrolled' END,
                 CASE WHEN enrolment IS NOT NULL THEN 'enrolmentStatus:' || enrolment END,
                 CASE WHEN enrolment = 'ENROLLED' AND care_due THEN 'careDue' END,
                 CASE WHEN enrolment = 'ENROLLED' AND care_due AND cared THEN 'withCarePerson' END,
                 CASE WHEN enrolment = 'ENROLLED' AND care_due AND talked THEN 'talkedWithin14Days' END,
                 CASE WHEN enrolment IS NOT NULL AND file_checked THEN 'fileChecked' END,
                 CASE WHEN enrolment IS NOT NULL AND screened THEN 'screened' END,
                 CASE WHEN opened THEN 'dropoutOpened' END,
                 CASE WHEN opened AND escalated THEN 'dropoutEscalated' END,
                 CASE WHEN opened AND returned THEN 'dropoutReturned' END], NULL) || aid) AS figure
         GROUP BY region, figure
      $$`;

const LIVE_SCHOOL_ROSTER_COUNTS = `
      CREATE FUNCTION school_roster_counts(p_county text, p_on date, p_term_start date) RETURNS TABLE (school text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH roster AS (
          SELECT e.school_id, e.status, e.boarding, r.left_behind_type, r.is_left_behind, r.in_difficulty,
                 EXISTS (SELECT 1 FROM care_assignment ca WHERE ca.child_id = e.child_id AND ca.ended_on IS NULL) AS cared,
                 EXISTS (SELECT 1 FROM talk t WHERE t.child_id = e.child_id AND t.held_on BETWEEN p_on - 14 AND p_on) AS talked
            FROM school s
            JOIN enrolment e ON e.school_id = s.id AND e.status IN ('ENROLLED', 'SUSPENDED')
            JOIN registry_feed.child r ON r.child_id = e.child_id AND r.status = 'ACTIVE'
           WHERE s.region_code = p_county AND 'report:aggregate' = ANY (app_list('app.scopes'))
        ), departed AS (
          SELECT DISTINCT ON (e.child_id, e.school_id) e.school_id, e.status
            FROM school s
            JOIN enrolment e ON e.school_id = s.id AND e.status IN ('TRANSFERRED', 'DROPPED_OUT', 'GRADUATED') AND e.ended_on BETWEEN p_term_start AND p_on
            JOIN registry_feed.child r ON r.child_id = e.child_id
           WHERE s.region_code = p_county AND 'report:aggregate' = ANY (app_list('app.scopes'))
           ORDER BY e.child_id, e.school_id, e.ended_on DESC
        )
        SELECT school_id::text, figure, count(*)::bigint
          FROM (SELECT school_id, unnest(array_remove(ARRAY[
                         'onRoster', 'leftBehindType:' || left_behind_type,
                         CASE WHEN is_left_behind THEN 'leftBehind' END,
                         CASE WHEN in_difficulty THEN 'inDifficulty' END,
                         CASE WHEN status = 'SUSPENDED' THEN 'suspended' END,
                         CASE WHEN boarding THEN 'boarders' END,
                         CASE WHEN cared THEN 'withCarePerson' END,
                         CASE WHEN talked THEN 'talkedWithin14Days' END], NULL)) AS figure
                  FROM roster
                UNION ALL
                SELECT school_id, unnest(ARRAY['leftSchool', 'leftSchoolAs:' || status]) FROM departed) f
         GROUP BY school_id, figure
        UNION ALL
        -- Every school of the county, counted or not: the table's members (a school with nobody is 0 in every figure).
        SELECT s.id::text, 'school', 0 FROM school s WHERE s.region_code = p_county AND 'report:aggregate' = ANY (app_list('app.scopes'))
      $$`;

/**
 * Education's figures are recorded, then read, as civil affairs' are (1764580000000 there; issue
 * 13): a term's or quarter's report gives the same answer whenever asked, though enrolments, care
 * persons and the registry copy change; and a report costs a statement over the recorded places,
 * not over the children. The counts per county and township (`region_figure_day`) and per school
 * (`school_figure_day`), counts only, are recorded together by `record_school_figures()`, at the
 * subgraph's start and periodically, each recording replacing the day's previous one; past days
 * are never rewritten. `figure_recording` keeps when each day was last recorded, so a day recorded
 * with nothing to count (a copy of the registry set still empty) reads as zeros, not as a day
 * without figures (civil affairs' registry, seeded before it records, needs no such log). The live
 * counts (`region_school_counts`, `school_roster_counts`) go.
 */
export class SchoolFiguresByDay1764610000000 implements MigrationInterface {
  name = 'SchoolFiguresByDay1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(SCHOOL_CHILD_FIGURES_TODAY);
    await db.query(SCHOOL_ROSTER_FIGURES_TODAY);
    // Called only inside the owner's recording function; the application role reads no child through them.
    await db.query(`REVOKE ALL ON FUNCTION school_child_figures_today(text) FROM PUBLIC`);
    await db.query(`REVOKE ALL ON FUNCTION school_roster_figures_today() FROM PUBLIC`);
    await db.query(`DROP FUNCTION region_school_counts(text, text, date, date)`);
    await db.query(`DROP FUNCTION school_roster_counts(text, date, date)`);

    for (const sql of figureDayTablesSql()) await db.query(sql);
    // A day's counts per school, as the regions' are kept: the owner's only.
    await db.query(`
      CREATE TABLE school_figure_day (
        as_of       date        NOT NULL,
        county      char(6)     NOT NULL,
        school_id   uuid        NOT NULL,
        figure      text        NOT NULL,
        n           integer     NOT NULL CHECK (n > 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (as_of, county, school_id, figure)
      )`);
    await db.query(`ALTER TABLE school_figure_day ENABLE ROW LEVEL SECURITY`);

    // Records today's counts of regions and schools at once, replacing today's earlier recording; past days are never touched.
    await db.query(`
      CREATE FUNCTION record_school_figures() RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE regions integer; schools integer;
        BEGIN
          ${startRecordingSql('record_school_figures', ['region_figure_day', 'school_figure_day'])}
          INSERT INTO region_figure_day (as_of, county, township, figure, n)
          SELECT current_date, county, township, figure, count(*) FROM school_child_figures_today('') GROUP BY county, township, figure;
          GET DIAGNOSTICS regions = ROW_COUNT;
          INSERT INTO school_figure_day (as_of, county, school_id, figure, n)
          SELECT current_date, county, school, figure, count(*) FROM school_roster_figures_today() GROUP BY county, school, figure;
          GET DIAGNOSTICS schools = ROW_COUNT;
          RETURN regions + schools;
        END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION record_school_figures() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION record_school_figures() TO ${APP}`);

    for (const sql of figureDayReadersSql('region_school_counts_on', APP)) await db.query(sql);
    // A day's recorded counts of every school of a county (its roll call as 'school'); for report:aggregate only.
    await db.query(`
      CREATE FUNCTION school_roster_counts_on(p_day date, p_county text) RETURNS TABLE (school text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT school_id::text, figure, n::bigint FROM school_figure_day
         WHERE as_of = p_day AND county = p_county AND 'report:aggregate' = ANY (app_list('app.scopes'))
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION school_roster_counts_on(date, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION school_roster_counts_on(date, text) TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION school_roster_counts_on(date, text)`);
    await db.query(`DROP FUNCTION record_school_figures()`);
    await db.query(`DROP TABLE school_figure_day`);
    for (const sql of dropFigureDaySql('region_school_counts_on')) await db.query(sql);
    await db.query(`DROP FUNCTION school_roster_figures_today()`);
    await db.query(`DROP FUNCTION school_child_figures_today(text)`);
    // The live counts of 1764580000000, restored as they were.
    await db.query(LIVE_REGION_SCHOOL_COUNTS);
    await db.query(LIVE_SCHOOL_ROSTER_COUNTS);
    for (const fn of ['region_school_counts(text, text, date, date)', 'school_roster_counts(text, date, date)']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP}`);
    }
  }
}
