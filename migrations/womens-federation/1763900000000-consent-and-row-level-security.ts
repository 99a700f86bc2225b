import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_ROW_SECURITY_FUNCTIONS_SQL, idempotencyKeyPolicySql, ROW_SECURITY_FUNCTIONS_SQL } from '../shared/1763900000000-row-security.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

/**
 * Guardians' consents to share a child's data with a partner NGO, and row-level security:
 * partners and programmes are a public directory; pairings are reached through a programme in the
 * caller's jurisdiction, or by the partner itself while the guardian's consent covers them.
 */
export class ConsentAndRowLevelSecurity1763900000000 implements MigrationInterface {
  name = 'ConsentAndRowLevelSecurity1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consent (
        id                    uuid        PRIMARY KEY,
        child_id              uuid        NOT NULL,
        partner_id            uuid        NOT NULL REFERENCES partner_organization (id),
        region_code           char(6)     NOT NULL,
        guardian_name         text        NOT NULL CHECK (char_length(guardian_name) BETWEEN 1 AND 50),
        guardian_relationship text        NOT NULL CHECK (char_length(guardian_relationship) BETWEEN 1 AND 30),
        categories            text[]      NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ARRAY['child:masked', 'wf:programmes']),
        purpose               text        NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 50),
        given_on              date        NOT NULL,
        expires_on            date        NOT NULL,
        revoked_at            timestamptz,
        revoked_by            text,
        recorded_by           text        NOT NULL,
        recorded_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on > given_on),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await db.query(`CREATE INDEX consent_partner_child_idx ON consent (partner_id, child_id)`);
    await db.query(`CREATE INDEX consent_child_idx ON consent (child_id)`);

    for (const sql of ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
    // An active consent of the caller's partner organisation covering a category, for the stated purpose.
    await db.query(`
      CREATE FUNCTION app_partner_consents(child uuid, category text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT 1 FROM consent c
           WHERE c.child_id = child AND c.partner_id::text = app_setting('app.partner')
             AND category = ANY (c.categories) AND c.purpose = app_setting('app.purpose')
             AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on)
      $$`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON partner_organization, programme, pairing, consent TO ${APP}`);

    for (const table of ['partner_organization', 'programme']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_directory ON ${table} FOR SELECT USING (true)`);
      await db.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (app_in_jurisdiction(region_code::text))`);
      await db.query(
        `CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (app_in_jurisdiction(region_code::text)) WITH CHECK (app_in_jurisdiction(region_code::text))`,
      );
    }

    await db.query(`ALTER TABLE pairing ENABLE ROW LEVEL SECURITY`);
    const inJurisdiction = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND app_in_jurisdiction(p.region_code::text))`;
    const ownConsented = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND p.partner_id::text = app_setting('app.partner'))
      AND app_partner_consents(pairing.child_id, 'wf:programmes')`;
    await db.query(`CREATE POLICY pairing_read ON pairing FOR SELECT USING (${inJurisdiction} OR (${ownConsented}))`);
    await db.query(`CREATE POLICY pairing_insert ON pairing FOR INSERT WITH CHECK (${inJurisdiction})`);
    await db.query(`CREATE POLICY pairing_update ON pairing FOR UPDATE USING (${inJurisdiction}) WITH CHECK (${inJurisdiction})`);

    await db.query(`ALTER TABLE consent ENABLE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY consent_read ON consent FOR SELECT USING (app_in_jurisdiction(region_code::text) OR partner_id::text = app_setting('app.partner'))`,
    );
    await db.query(`CREATE POLICY consent_insert ON consent FOR INSERT WITH CHECK (app_in_jurisdiction(region_code::text))`);
    await db.query(
      `CREATE POLICY consent_update ON consent FOR UPDATE USING (app_in_jurisdiction(region_code::text)) WITH CHECK (app_in_jurisdiction(region_code::text))`,
    );
    for (const sql of idempotencyKeyPolicySql(APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY own_keys ON idempotency_key`);
    await db.query(`ALTER TABLE idempotency_key DISABLE ROW LEVEL SECURITY`);
    for (const policy of ['pairing_read', 'pairing_insert', 'pairing_update']) await db.query(`DROP POLICY ${policy} ON pairing`);
    await db.query(`ALTER TABLE pairing DISABLE ROW LEVEL SECURITY`);
    for (const table of ['partner_organization', 'programme']) {
      for (const suffix of ['directory', 'insert', 'update']) await db.query(`DROP POLICY ${table}_${suffix} ON ${table}`);
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await db.query(`REVOKE ALL ON partner_organization, programme, pairing, idempotency_key FROM ${APP}`);
    await db.query(`DROP TABLE consent`);
    await db.query(`DROP FUNCTION app_partner_consents(uuid, text)`);
    for (const sql of DROP_ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
  }
}
