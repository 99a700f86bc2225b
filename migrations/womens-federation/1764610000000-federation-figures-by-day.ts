import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropFigureDaySql, figureDayReadersSql, figureDayTablesSql, startRecordingSql } from '../shared/1764610000000-figure-day.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

/**
 * Each active child of the registry copy, by place of residence (county, township: '' when none),
 * and the federation's figures it counts in, as of today: the live count of 1764580000000
 * (`region_federation_counts`) moved into a function. `parentContacts` counts contacts, not
 * children: a left-behind child's row repeats it once per contact in the 30 days, so a count of
 * rows sums them.
 */
const FEDERATION_CHILD_FIGURES_TODAY = `
  CREATE FUNCTION federation_child_figures_today(p_prefix text) RETURNS TABLE (county text, township text, figure text)
    LANGUAGE sql STABLE AS $$
    WITH placed AS (
      SELECT r.child_id, r.is_left_behind, r.residence_region_code AS county, coalesce(r.residence_township_code, '') AS township
        FROM registry_feed.child r
       WHERE r.status = 'ACTIVE' AND r.residence_region_code ^@ p_prefix
    ), facts AS (
      SELECT p.county, p.township, p.is_left_behind, h.paired, h.proxy_parent,
             EXISTS (SELECT 1 FROM consent c WHERE c.child_id = p.child_id AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on) AS consented,
             EXISTS (SELECT 1 FROM activity_attendance aa JOIN activity a ON a.id = aa.activity_id
                      WHERE aa.child_id = p.child_id AND a.kind = 'FAMILY_EDUCATION' AND a.held_on BETWEEN current_date - 365 AND current_date) AS family_education,
             (SELECT count(*) FROM parent_contact pc WHERE pc.child_id = p.child_id AND pc.contacted_on BETWEEN current_date - 30 AND current_date)::int AS contacts
        FROM placed p
        CROSS JOIN LATERAL (
          SELECT count(*) > 0 AS paired, coalesce(bool_or(g.helper_role = 'PROXY_PARENT'), false) AS proxy_parent
            FROM pairing g WHERE g.child_id = p.child_id AND g.since <= current_date AND (g.until IS NULL OR g.until >= current_date)) h
    )
    SELECT county, township, figure
      FROM facts, unnest(array_remove(ARRAY[
             'registered',
             CASE WHEN is_left_behind THEN 'leftBehind' END,
             CASE WHEN paired THEN 'paired' END,
             CASE WHEN is_left_behind AND proxy_parent THEN 'proxyParent' END,
             CASE WHEN consented THEN 'withActiveConsent' END,
             CASE WHEN family_education THEN 'familyEducation' END,
             CASE WHEN is_left_behind AND contacts > 0 THEN 'withParentContact' END], NULL)
             || array_fill('parentContacts'::text, ARRAY[CASE WHEN is_left_behind THEN contacts ELSE 0 END])) AS figure
  $$`;

/** For down(): the live count of 1764580000000, as it was. */
const LIVE_REGION_FEDERATION_COUNTS = `
      CREATE FUNCTION region_federation_counts(p_prefix text, p_group text, p_on date) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH placed AS (
          SELECT r.child_id, r.is_left_behind,
                 CASE p_group WHEN 'province' THEN left(r.residence_region_code, 2) || '0000'
                              WHEN 'city' THEN left(r.residence_region_code, 4) || '00'
                              WHEN 'county' THEN r.residence_region_code
                              ELSE coalesce(r.residence_township_code, '') END AS region
            FROM registry_feed.child r
           WHERE r.status = 'ACTIVE' AND r.residence_region_code ^@ p_prefix
             AND 'report:aggregate' = ANY (app_list('app.scopes'))
        ), facts AS (
          SELECT p.region, p.is_left_behind, h.paired, h.proxy_parent,
                 EXISTS (SELECT 1 FROM consent c WHERE c.child_id = p.child_id AND c.revoked_at IS NULL AND p_on BETWEEN c.given_on AND c.expires_on) AS consented,
                 EXISTS (SELECT 1 FROM activity_attendance aa JOIN activity a ON a.id = aa.activity_id
                          WHERE aa.child_id = p.child_id AND a.kind = 'FAMILY_EDUCATION' AND a.held_on BETWEEN p_on - 365 AND p_on) AS family_education,
                 (SELECT count(*) FROM parent_contact pc WHERE pc.child_id = p.child_id AND pc.contacted_on BETWEEN p_on - 30 AND p_on) AS contacts
            FROM placed p
            CROSS JOIN LATERAL (
              SELECT count(*) > 0 AS paired, coalesce(bool_or(g.helper_role = 'PROXY_PARENT'), false) AS proxy_parent
                FROM pairing g WHERE g.child_id = p.child_id AND g.since <= p_on AND (g.until IS NULL OR g.until >= p_on)) h
        )
        SELECT region, figure, count(*)::bigint
          FROM facts, unnest(array_remove(ARRAY[
                 'registered',
                 CASE WHEN is_left_behind THEN 'leftBehind' END,
                 CASE WHEN paired THEN 'paired' END,
                 CASE WHEN is_left_behind AND proxy_parent THEN 'proxyParent' END,
                 CASE WHEN consented THEN 'withActiveConsent' END,
                 CASE WHEN family_education THEN 'familyEducation' END,
                 CASE WHEN is_left_behind AND contacts > 0 THEN 'withParentContact' END], NULL)) AS figure
         GROUP BY region, figure
        UNION ALL
        SELECT region, 'parentContacts', sum(contacts)::bigint FROM facts WHERE is_left_behind GROUP BY region
      $$`;

/**
 * The federation's figures are recorded, then read, as civil affairs' are (1764580000000 there;
 * issue 13): a term's or quarter's report gives the same answer whenever asked, though pairings
 * end and consents expire; and a report costs a statement over the recorded places, not over the
 * children. The counts per county and township (counts only) are recorded in `region_figure_day`
 * by `record_region_figures()`, at the subgraph's start and periodically, each recording replacing
 * the day's previous one; past days are never rewritten. `figure_recording` keeps when each day
 * was last recorded, so a day recorded with nothing to count (a copy of the registry set still
 * empty) reads as zeros, not as a day without figures (civil affairs' registry, seeded before it
 * records, needs no such log). The live count goes.
 */
export class FederationFiguresByDay1764610000000 implements MigrationInterface {
  name = 'FederationFiguresByDay1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(FEDERATION_CHILD_FIGURES_TODAY);
    // Called only inside the owner's recording function; the application role reads no child through it.
    await db.query(`REVOKE ALL ON FUNCTION federation_child_figures_today(text) FROM PUBLIC`);
    await db.query(`DROP FUNCTION region_federation_counts(text, text, date)`);

    for (const sql of figureDayTablesSql()) await db.query(sql);
    // Records today's counts, replacing today's earlier recording; past days are never touched.
    await db.query(`
      CREATE FUNCTION record_region_figures() RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE recorded integer;
        BEGIN
          ${startRecordingSql('record_region_figures', ['region_figure_day'])}
          INSERT INTO region_figure_day (as_of, county, township, figure, n)
          SELECT current_date, county, township, figure, count(*) FROM federation_child_figures_today('') GROUP BY county, township, figure;
          GET DIAGNOSTICS recorded = ROW_COUNT;
          RETURN recorded;
        END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION record_region_figures() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION record_region_figures() TO ${APP}`);
    for (const sql of figureDayReadersSql('region_federation_counts_on', APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION record_region_figures()`);
    for (const sql of dropFigureDaySql('region_federation_counts_on')) await db.query(sql);
    await db.query(`DROP FUNCTION federation_child_figures_today(text)`);
    await db.query(LIVE_REGION_FEDERATION_COUNTS);
    await db.query(`REVOKE ALL ON FUNCTION region_federation_counts(text, text, date) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_federation_counts(text, text, date) TO ${APP}`);
  }
}
