import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reportReadTableSql } from '../shared/1764580000000-report-read.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

/**
 * The women's federation's region figures for analysts (统计分析, issue 13): the children of its
 * copy of the registry set (never civil affairs' database) by their place of residence, with what
 * the federation's own records say of each (pairings, consents, family education, parent contacts).
 * One statement per parent region, run as the owner (an analyst reaches no child row) and answering
 * only a caller holding `report:aggregate`; the service publishes only regions within the caller's
 * jurisdiction, after suppression. Every read is recorded in `report_read`.
 */
export class FederationFigures1764580000000 implements MigrationInterface {
  name = 'FederationFigures1764580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
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
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION region_federation_counts(text, text, date) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_federation_counts(text, text, date) TO ${APP}`);
    await db.query(
      `CREATE INDEX registry_feed_child_active_residence_idx ON registry_feed.child (residence_region_code text_pattern_ops) WHERE status = 'ACTIVE'`,
    );

    for (const sql of reportReadTableSql(APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_read`);
    await db.query(`DROP INDEX registry_feed.registry_feed_child_active_residence_idx`);
    await db.query(`DROP FUNCTION region_federation_counts(text, text, date)`);
  }
}
