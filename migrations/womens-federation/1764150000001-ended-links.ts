import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCESS_LOG_READ_OF_ANY_CHILD_SQL, ACCESS_LOG_READ_OF_VISIBLE_CHILDREN_SQL } from '../shared/1764150000001-access-log-read.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

const IN_JURISDICTION = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND app_in_jurisdiction(p.region_code::text))`;

/**
 * A partner reaches a child only with both a pairing that holds today (with one of its programmes)
 * and the guardian's consent: an ended pairing ends the partner's access to the child and to the
 * pairing itself, and a consent alone opens nothing (the registry copy used to open on consent
 * alone). The access log is read, with audit:read, only about children the caller may see.
 */
export class EndedLinks1764150000001 implements MigrationInterface {
  name = 'EndedLinks1764150000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_partner_reaches(p_child uuid, p_category text) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN app_setting('app.partner') IS NOT NULL
          AND EXISTS (SELECT 1 FROM pairing p JOIN programme pr ON pr.id = p.programme_id
                       WHERE p.child_id = p_child AND pr.partner_id::text = app_setting('app.partner')
                         AND p.since <= current_date AND (p.until IS NULL OR p.until >= current_date))
          AND app_partner_consents(p_child, p_category);
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_partner_reaches(uuid, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_partner_reaches(uuid, text) TO ${APP}`);

    await db.query(`DROP POLICY pairing_read ON pairing`);
    await db.query(`CREATE POLICY pairing_read ON pairing FOR SELECT USING (${IN_JURISDICTION} OR (
      EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND p.partner_id::text = app_setting('app.partner'))
      AND pairing.since <= current_date AND (pairing.until IS NULL OR pairing.until >= current_date)
      AND app_partner_consents(pairing.child_id, 'wf:programmes')))`);

    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
      app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code) OR app_partner_reaches(child_id, 'child:masked'))`);

    for (const sql of ACCESS_LOG_READ_OF_VISIBLE_CHILDREN_SQL) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of ACCESS_LOG_READ_OF_ANY_CHILD_SQL) await db.query(sql);
    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)
      OR EXISTS (SELECT 1 FROM consent c WHERE c.child_id = child.child_id AND c.partner_id::text = app_setting('app.partner')
                  AND c.purpose = app_setting('app.purpose') AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on))`);
    await db.query(`DROP POLICY pairing_read ON pairing`);
    await db.query(`CREATE POLICY pairing_read ON pairing FOR SELECT USING (${IN_JURISDICTION} OR (
      EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND p.partner_id::text = app_setting('app.partner'))
      AND app_partner_consents(pairing.child_id, 'wf:programmes')))`);
    await db.query(`DROP FUNCTION app_partner_reaches(uuid, text)`);
  }
}
