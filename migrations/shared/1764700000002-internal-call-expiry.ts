import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FROZEN: the migration all three subgraphs ran on this date (each agency's index registers it). Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing live.
 *
 * Issue 14. `claim_internal_call` forgets expired claims on every call. Its `DELETE … WHERE jti IN
 * (SELECT … LIMIT 100)` let the planner pick a join: once statistics were gathered while the table
 * was nearly empty, each call walked the whole primary key (179 buffers per call with 220 claims,
 * 1.1 ms per call and growing with the table, which holds about a minute of calls). Now the
 * expired claims are read in expiry order from their index (stopping at the first live one) and
 * deleted by primary key: work in proportion to what has expired, whatever the statistics say.
 * Which claims are kept, refused or forgotten does not change.
 */
const CLAIM = (forget: string) => `
  CREATE OR REPLACE FUNCTION claim_internal_call(p_jti uuid, p_expires_at timestamptz) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    v_claimed integer;
  BEGIN
    ${forget};
    INSERT INTO internal_call (jti, expires_at) VALUES (p_jti, p_expires_at) ON CONFLICT (jti) DO NOTHING;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;
    RETURN v_claimed = 1;
  END $$`;

export class InternalCallExpiry1764700000002 implements MigrationInterface {
  name = 'InternalCallExpiry1764700000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      CLAIM(`DELETE FROM internal_call WHERE jti = ANY (ARRAY(
               SELECT jti FROM internal_call WHERE expires_at < now() - interval '5 seconds' ORDER BY expires_at LIMIT 100))`),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(CLAIM(`DELETE FROM internal_call WHERE jti IN (SELECT jti FROM internal_call WHERE expires_at < now() - interval '5 seconds' LIMIT 100)`));
  }
}
