import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCESS_LOG_READ_OF_ANY_CHILD_SQL, ACCESS_LOG_READ_OF_VISIBLE_CHILDREN_SQL } from '../shared/1764150000001-access-log-read.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

const SCHOOL_REACHABLE = (table: string) =>
  `EXISTS (SELECT 1 FROM school s WHERE s.id = ${table}.school_id AND (app_in_jurisdiction(s.region_code::text) OR s.id::text = ANY (app_list('app.schools'))))`;

/**
 * Ended links end access. A child's education records (enrolments, care assignments, talks) follow
 * the child: they are reached through the child's current school (its latest enrolment, as the
 * enrolment set has it): by that school's staff while the child is enrolled there, and by the
 * holders of the school's region. After a transfer the old school, and the old school's county,
 * neither read nor write anything of the child's, the records from before included; the new school
 * sees them all. A new enrolment or care assignment must be at a school the caller reaches. The
 * access log is read, with audit:read, only about children the caller may see.
 */
export class EndedLinks1764150000001 implements MigrationInterface {
  name = 'EndedLinks1764150000001';

  async up(db: QueryRunner): Promise<void> {
    // Definer: the enrolment set is the owner's table; the caller's settings still decide.
    await db.query(`
      CREATE FUNCTION app_current_school_reachable(p_child uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN EXISTS (
          SELECT 1 FROM enrolment_feed.enrolment f
           WHERE f.child_id = p_child
             AND ((f.status = 'ENROLLED' AND f.school_id::text = ANY (app_list('app.schools'))) OR app_in_jurisdiction(f.school_region_code)));
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_current_school_reachable(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_current_school_reachable(uuid) TO ${APP}`);

    for (const table of ['enrolment', 'care_assignment']) await db.query(`DROP POLICY ${table}_of_reachable_school ON ${table}`);
    await db.query(`DROP POLICY talk_of_reachable_child ON talk`);

    await db.query(`CREATE POLICY enrolment_read ON enrolment FOR SELECT USING (app_current_school_reachable(child_id))`);
    await db.query(`CREATE POLICY enrolment_insert ON enrolment FOR INSERT WITH CHECK (${SCHOOL_REACHABLE('enrolment')})`);
    await db.query(
      `CREATE POLICY enrolment_update ON enrolment FOR UPDATE USING (app_current_school_reachable(child_id)) WITH CHECK (app_current_school_reachable(child_id))`,
    );
    await db.query(`CREATE POLICY care_assignment_read ON care_assignment FOR SELECT USING (app_current_school_reachable(child_id))`);
    await db.query(
      `CREATE POLICY care_assignment_insert ON care_assignment FOR INSERT WITH CHECK (${SCHOOL_REACHABLE('care_assignment')} AND app_current_school_reachable(child_id))`,
    );
    await db.query(
      `CREATE POLICY care_assignment_update ON care_assignment FOR UPDATE USING (app_current_school_reachable(child_id)) WITH CHECK (app_current_school_reachable(child_id))`,
    );
    await db.query(
      `CREATE POLICY talk_of_current_school ON talk USING (app_current_school_reachable(child_id)) WITH CHECK (app_current_school_reachable(child_id))`,
    );

    for (const sql of ACCESS_LOG_READ_OF_VISIBLE_CHILDREN_SQL) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of ACCESS_LOG_READ_OF_ANY_CHILD_SQL) await db.query(sql);
    await db.query(`DROP POLICY talk_of_current_school ON talk`);
    for (const table of ['enrolment', 'care_assignment']) {
      for (const suffix of ['read', 'insert', 'update']) await db.query(`DROP POLICY ${table}_${suffix} ON ${table}`);
      const ofReachableSchool = SCHOOL_REACHABLE(table);
      await db.query(`CREATE POLICY ${table}_of_reachable_school ON ${table} USING (${ofReachableSchool}) WITH CHECK (${ofReachableSchool})`);
    }
    await db.query(`CREATE POLICY talk_of_reachable_child ON talk USING (EXISTS (SELECT 1 FROM enrolment e WHERE e.child_id = talk.child_id))
      WITH CHECK (EXISTS (SELECT 1 FROM enrolment e WHERE e.child_id = talk.child_id))`);
    await db.query(`DROP FUNCTION app_current_school_reachable(uuid)`);
  }
}
