import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FROZEN: never edit; a change to the schema is a new migration. Imports nothing live.
 *
 * Issue 14, PostgreSQL CPU per dossier request. The read policies of the dossier's talks,
 * enrolments and care assignments called a function for every row they read (about 130 calls
 * per page): `app_child_records_reachable(child)` (SECURITY DEFINER with its own search_path, so
 * never inlined: a function call, a settings switch and a query each time) and
 * `app_school_reachable(school)` (an EXISTS in a SQL function, also never inlined). Measured in
 * one backend, the talk and enrolment statements spent about half their time in those calls.
 *
 * The same tests now sit in the policies as correlated subqueries (EXISTS … OFFSET 0, kept as a
 * subplan per row, which PostgreSQL re-runs without a call's set-up):
 *   - `child_records_reach`, a view owned by the tables' owner, lists the children whose records
 *     the caller reaches, with that school: each child's school as `child_school` chose it (the
 *     latest enrolment, open ones first; read past the enrolments' own policy, as the function
 *     did, being the owner's), kept only if the caller reaches that school
 *     (`app_school_reachable`'s test, on the caller's settings). A security barrier: a caller's
 *     condition runs on its rows only after that filter (only leak-proof ones such as `=` on the
 *     child's id pass below it, which is how each policy's lookup reads one child's enrolments by
 *     index). The service may read it: it shows no more than the function answered, and no more
 *     than the caller could read of the enrolments themselves.
 *   - care assignments test their school as `app_school_reachable` does, inline.
 * Who reaches which row does not change. The policies' WITH CHECK (writes) keep the functions.
 */
const APP = 'education_app';

const SCHOOL_REACHED = `(app_in_area(s.region_code, s.township_code, NULL) OR s.id::text = ANY (app_list('app.schools')))`;

export class InlineSchoolReach1764700500000 implements MigrationInterface {
  name = 'InlineSchoolReach1764700500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW child_records_reach WITH (security_barrier) AS
        SELECT c.child_id, c.school_id
          FROM (SELECT DISTINCT ON (e.child_id) e.child_id, e.school_id FROM enrolment e
                 ORDER BY e.child_id, (e.status IN ('ENROLLED', 'SUSPENDED')) DESC, coalesce(e.ended_on, e.enrolled_on) DESC, e.created_at DESC) c
         WHERE EXISTS (SELECT 1 FROM school s WHERE s.id = c.school_id AND ${SCHOOL_REACHED})`);
    await db.query(`REVOKE ALL ON child_records_reach FROM PUBLIC`);
    await db.query(`GRANT SELECT ON child_records_reach TO ${APP}`);
    const reached = (table: string) => `EXISTS (SELECT 1 FROM child_records_reach r WHERE r.child_id = ${table}.child_id OFFSET 0)`;
    await db.query(`ALTER POLICY talk_of_childs_school ON talk USING (${reached('talk')})`);
    await db.query(`ALTER POLICY enrolment_read ON enrolment USING (${reached('enrolment')})`);
    await db.query(`
      ALTER POLICY care_assignment_of_childs_school ON care_assignment
        USING (EXISTS (SELECT 1 FROM school s WHERE s.id = care_assignment.school_id AND ${SCHOOL_REACHED} OFFSET 0))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER POLICY care_assignment_of_childs_school ON care_assignment USING (app_school_reachable(school_id))`);
    await db.query(`ALTER POLICY enrolment_read ON enrolment USING (app_current_school_reachable(child_id))`);
    await db.query(`ALTER POLICY talk_of_childs_school ON talk USING (app_child_records_reachable(child_id))`);
    await db.query(`DROP VIEW child_records_reach`);
  }
}
