import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

/** The school a child's records belong to, as `child_school` (1764300000000) reads it. */
const CHILD_SCHOOL = `SELECT school_id FROM enrolment WHERE child_id = p_child
   ORDER BY (status IN ('ENROLLED', 'SUSPENDED')) DESC, coalesce(ended_on, enrolled_on) DESC, created_at DESC LIMIT 1`;

/** Whether the caller reaches a school, as `app_school_reachable` (1764500000000) tests it, for the school `id`. */
const SCHOOL_REACHABLE = (id: string) => `EXISTS (SELECT 1 FROM school s WHERE s.id = ${id}
   AND (app_in_area(s.region_code, s.township_code, NULL) OR s.id::text = ANY (app_list('app.schools'))))`;

/**
 * Issue 14, PostgreSQL CPU per dossier request. The rule that a child's talks, enrolments and
 * school-work records follow the child's school, `app_child_records_reachable(child)`, was
 * `app_school_reachable(child_school(child))`: two function calls, each a query, for every row of
 * every talk, enrolment and record read (about 110 of each per dossier page). It is now one call
 * that asks both in one query: the same enrolment (read past row security, as `child_school` does)
 * and the same test of its school. The school directory is readable to every caller (its policy
 * is `true`), so reading it as the owner reaches the same rows. The enrolment policies' wrapper,
 * `app_current_school_reachable`, becomes a plain alias the planner inlines (it was a second call
 * per enrolment). Who reaches which row does not change.
 */
export class OneCallSchoolReach1764700000001 implements MigrationInterface {
  name = 'OneCallSchoolReach1764700000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION app_child_records_reachable(p_child uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ${SCHOOL_REACHABLE(`(${CHILD_SCHOOL})`)}
      $$`);
    // Reading past row security, it is the service's alone (as child_school is).
    await db.query(`REVOKE ALL ON FUNCTION app_child_records_reachable(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_child_records_reachable(uuid) TO ${APP}`);
    await db.query(`
      CREATE OR REPLACE FUNCTION app_current_school_reachable(p_child uuid) RETURNS boolean
        LANGUAGE sql STABLE AS $$ SELECT app_child_records_reachable(p_child) $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION app_current_school_reachable(p_child uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT app_child_records_reachable(p_child) $$`);
    await db.query(`
      CREATE OR REPLACE FUNCTION app_child_records_reachable(p_child uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY INVOKER AS $$ SELECT app_school_reachable(child_school(p_child)) $$`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_child_records_reachable(uuid) TO PUBLIC`);
  }
}
