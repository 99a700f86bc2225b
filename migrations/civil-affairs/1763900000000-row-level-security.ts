import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_ROW_SECURITY_FUNCTIONS_SQL, idempotencyKeyPolicySql, ROW_SECURITY_FUNCTIONS_SQL } from '../shared/1763900000000-row-security.sql';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

/**
 * Row-level security for the registry: the application role reads and writes only children
 * registered or living in its jurisdiction (and, for a partner NGO, the children whose guardians
 * consented, passed by the gateway), and their parents and guardianship through them.
 */
export class RowLevelSecurity1763900000000 implements MigrationInterface {
  name = 'RowLevelSecurity1763900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON child, guardianship TO ${APP}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON parent TO ${APP}`);
    await db.query(`GRANT SELECT ON child_classification TO ${APP}`);
    // The view reads child and parent as the caller, so their policies apply through it.
    await db.query(`ALTER VIEW child_classification SET (security_invoker = true)`);

    await db.query(`ALTER TABLE child ENABLE ROW LEVEL SECURITY`);
    const inJurisdiction = `(app_in_jurisdiction(household_region_code::text) OR app_in_jurisdiction(residence_region_code::text))`;
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING (${inJurisdiction} OR id::text = ANY (app_list('app.partner_children')))`);
    await db.query(`CREATE POLICY child_insert ON child FOR INSERT WITH CHECK (${inJurisdiction})`);
    await db.query(`CREATE POLICY child_update ON child FOR UPDATE USING (${inJurisdiction}) WITH CHECK (${inJurisdiction})`);

    // Whether the caller can see a child (the query runs under child's policies). A plpgsql function
    // is not inlined, so a policy calling it checks each row by the child's primary key instead of
    // the planner hashing every visible child first (100 ms for 20,000 children).
    await db.query(`
      CREATE FUNCTION app_child_visible(p_child_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM child WHERE id = p_child_id);
      END $$`);
    for (const table of ['parent', 'guardianship']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      // Visible and writable exactly when the child is.
      const ofVisibleChild = `app_child_visible(${table}.child_id)`;
      await db.query(`CREATE POLICY ${table}_of_visible_child ON ${table} USING (${ofVisibleChild}) WITH CHECK (${ofVisibleChild})`);
    }
    for (const sql of idempotencyKeyPolicySql(APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY own_keys ON idempotency_key`);
    await db.query(`ALTER TABLE idempotency_key DISABLE ROW LEVEL SECURITY`);
    for (const table of ['parent', 'guardianship']) {
      await db.query(`DROP POLICY ${table}_of_visible_child ON ${table}`);
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const policy of ['child_read', 'child_insert', 'child_update']) await db.query(`DROP POLICY ${policy} ON child`);
    await db.query(`ALTER TABLE child DISABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER VIEW child_classification SET (security_invoker = false)`);
    await db.query(`REVOKE ALL ON child, parent, guardianship, child_classification, idempotency_key FROM ${APP}`);
    await db.query(`DROP FUNCTION app_child_visible(uuid)`);
    for (const sql of DROP_ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
  }
}
