import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FROZEN: the migration all three subgraphs ran on this date (each agency's index registers it). Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing live.
 *
 * Issue 14. A subgraph now claims a call's internal token in the same message that opens the
 * request's transaction (`SELECT spend_internal_call(…); COMMIT; START TRANSACTION; …`), where a
 * boolean answer could not stop the statements after it. `spend_internal_call` claims as
 * `claim_internal_call` does (same table, same clean-up, same first-claim-wins) and raises
 * SQLSTATE IC401 on a replay: the server then skips the rest of the message, so a replayed token
 * opens no transaction and no statement of its request runs. Invoker's rights: who may claim
 * (the application role, granted `claim_internal_call`) may spend; nobody else.
 */
export class SpendInternalCall1764710000000 implements MigrationInterface {
  name = 'SpendInternalCall1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION spend_internal_call(p_jti uuid, p_expires_at timestamptz) RETURNS void
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT claim_internal_call(p_jti, p_expires_at) THEN
          RAISE EXCEPTION 'internal token already used' USING ERRCODE = 'IC401';
        END IF;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION spend_internal_call(uuid, timestamptz) FROM PUBLIC`);
    // The roles granted claim_internal_call (the application role), other than its owner.
    await db.query(`
      DO $$
      DECLARE
        v_role name;
      BEGIN
        FOR v_role IN
          SELECT r.rolname FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a JOIN pg_roles r ON r.oid = a.grantee
           WHERE p.oid = 'claim_internal_call(uuid, timestamptz)'::regprocedure AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner
        LOOP
          EXECUTE format('GRANT EXECUTE ON FUNCTION spend_internal_call(uuid, timestamptz) TO %I', v_role);
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION spend_internal_call(uuid, timestamptz)');
  }
}
