import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reportReadTableSql } from '../shared/1764580000000-report-read.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

/** The region of a registry-copy row `r` one level below a parent, by grouping. */
const REGION_OF = `CASE p_group WHEN 'province' THEN left(r.residence_region_code, 2) || '0000'
                                 WHEN 'city' THEN left(r.residence_region_code, 4) || '00'
                                 WHEN 'county' THEN r.residence_region_code
                                 ELSE coalesce(r.residence_township_code, '') END`;

/**
 * Education's figures for analysts (统计分析, issue 13). Region figures count the children of
 * education's copy of the registry set (never civil affairs' database) by their place of residence,
 * with what education's own records say of each; the per-school summary (seed 003, 附件2) counts a
 * school's roster. Each is one statement per parent region (or county's schools), run as the owner
 * (an analyst reaches no child row) and answering only a caller holding `report:aggregate`; the
 * service publishes only what lies within the caller's jurisdiction, after suppression. Every
 * read is recorded in `report_read`.
 *
 * The term (学期) figures take the term's first day from the service (p_term_start), so the term
 * rule stays in one place.
 */
export class SchoolFigures1764580000000 implements MigrationInterface {
  name = 'SchoolFigures1764580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION region_school_counts(p_prefix text, p_group text, p_on date, p_term_start date) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH placed AS (
          SELECT r.child_id, r.is_left_behind OR r.in_difficulty AS care_due, ${REGION_OF} AS region
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
      $$`);

    // 附件2 per school: its roster (open enrolments of children in the registry set), and the
    // children who left it this term (变动情况), for every school of one county at once.
    await db.query(`
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
      $$`);
    for (const fn of ['region_school_counts(text, text, date, date)', 'school_roster_counts(text, date, date)']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP}`);
    }
    // The registry copy's active rows by residence, as civil affairs indexes its own children.
    await db.query(
      `CREATE INDEX registry_feed_child_active_residence_idx ON registry_feed.child (residence_region_code text_pattern_ops) WHERE status = 'ACTIVE'`,
    );
    await db.query(`CREATE INDEX enrolment_open_school_idx ON enrolment (school_id) WHERE status IN ('ENROLLED', 'SUSPENDED')`);

    for (const sql of reportReadTableSql(APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_read`);
    await db.query(`DROP INDEX enrolment_open_school_idx`);
    await db.query(`DROP INDEX registry_feed.registry_feed_child_active_residence_idx`);
    await db.query(`DROP FUNCTION school_roster_counts(text, date, date)`);
    await db.query(`DROP FUNCTION region_school_counts(text, text, date, date)`);
  }
}
