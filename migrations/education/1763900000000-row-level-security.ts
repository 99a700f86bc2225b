import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_ROW_SECURITY_FUNCTIONS_SQL, idempotencyKeyPolicySql, ROW_SECURITY_FUNCTIONS_SQL } from '../shared/1763900000000-row-security.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

/**
 * Row-level security for education: schools are a public directory; enrolments and care
 * assignments belong to their school, so they are reached through a school in the caller's
 * jurisdiction or school list; talks through an enrolment the caller can reach.
 */
export class RowLevelSecurity1763900000000 implements MigrationInterface {
  name = 'RowLevelSecurity1763900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON school, enrolment, care_assignment, talk TO ${APP}`);

    await db.query(`ALTER TABLE school ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY school_directory ON school FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY school_insert ON school FOR INSERT WITH CHECK (app_in_jurisdiction(region_code::text))`);
    await db.query(
      `CREATE POLICY school_update ON school FOR UPDATE USING (app_in_jurisdiction(region_code::text)) WITH CHECK (app_in_jurisdiction(region_code::text))`,
    );

    for (const table of ['enrolment', 'care_assignment']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      const ofReachableSchool = `EXISTS (SELECT 1 FROM school s WHERE s.id = ${table}.school_id
        AND (app_in_jurisdiction(s.region_code::text) OR s.id::text = ANY (app_list('app.schools'))))`;
      await db.query(`CREATE POLICY ${table}_of_reachable_school ON ${table} USING (${ofReachableSchool}) WITH CHECK (${ofReachableSchool})`);
    }

    await db.query(`ALTER TABLE talk ENABLE ROW LEVEL SECURITY`);
    const ofReachableChild = `EXISTS (SELECT 1 FROM enrolment e WHERE e.child_id = talk.child_id)`;
    await db.query(`CREATE POLICY talk_of_reachable_child ON talk USING (${ofReachableChild}) WITH CHECK (${ofReachableChild})`);
    for (const sql of idempotencyKeyPolicySql(APP)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY own_keys ON idempotency_key`);
    await db.query(`DROP POLICY talk_of_reachable_child ON talk`);
    for (const table of ['enrolment', 'care_assignment']) await db.query(`DROP POLICY ${table}_of_reachable_school ON ${table}`);
    for (const policy of ['school_directory', 'school_insert', 'school_update']) await db.query(`DROP POLICY ${policy} ON school`);
    for (const table of ['school', 'enrolment', 'care_assignment', 'talk', 'idempotency_key'])
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    await db.query(`REVOKE ALL ON school, enrolment, care_assignment, talk, idempotency_key FROM ${APP}`);
    for (const sql of DROP_ROW_SECURITY_FUNCTIONS_SQL) await db.query(sql);
  }
}
