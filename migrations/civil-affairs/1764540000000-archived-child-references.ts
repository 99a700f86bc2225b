import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

/**
 * An archived file (归档) leaves the registry's lists and look-ups, but the other agencies' records
 * that name the child stay (a school's enrolments, the federation's pairings and consents). Their
 * reference to the child still resolves for a caller who reaches it (app_child_reachable, the same
 * reach as the child's row rule, whatever the file's status), so one archived child no longer blanks
 * a whole list of them. The file itself (parents, guardianship, welfare) stays readable only with the
 * archive right: those rows' rules are unchanged.
 */
export class ArchivedChildReferences1764540000000 implements MigrationInterface {
  name = 'ArchivedChildReferences1764540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_children_by_reference(p_ids uuid[]) RETURNS SETOF child
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.* FROM child c WHERE c.id = ANY (p_ids) AND app_child_reachable(c.id)
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_children_by_reference(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_children_by_reference(uuid[]) TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_children_by_reference(uuid[])`);
  }
}
