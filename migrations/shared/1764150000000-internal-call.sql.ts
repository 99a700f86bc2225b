/**
 * FROZEN: the record of internal tokens already used, exactly as the migrations of this date ran it. Never edit this file: a change to the schema is a
 * new migration (and, if shared, a new file here named by its date). Imports nothing.
 */
/**
 * Each internal token the gateway signs is good for one call to one subgraph. Every replica of a
 * subgraph shares its database, so the database is where a token's id (jti) is claimed: the first
 * claim wins, a replay to any replica finds it taken. The application role may only call
 * `claim_internal_call`, which also forgets claims whose token has expired (a replayed expired
 * token is refused by its expiry first), so the table holds about a minute of calls.
 */
export function internalCallSql(appRole: string): string[] {
  return [
    `CREATE TABLE internal_call (
       jti        uuid        PRIMARY KEY,
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX internal_call_expires_idx ON internal_call (expires_at)`,
    // No policy: the application role reads and writes nothing here directly.
    `ALTER TABLE internal_call ENABLE ROW LEVEL SECURITY`,
    `CREATE FUNCTION claim_internal_call(p_jti uuid, p_expires_at timestamptz) RETURNS boolean
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
     DECLARE
       v_claimed integer;
     BEGIN
       DELETE FROM internal_call WHERE jti IN (SELECT jti FROM internal_call WHERE expires_at < now() - interval '5 seconds' LIMIT 100);
       INSERT INTO internal_call (jti, expires_at) VALUES (p_jti, p_expires_at) ON CONFLICT (jti) DO NOTHING;
       GET DIAGNOSTICS v_claimed = ROW_COUNT;
       RETURN v_claimed = 1;
     END $$`,
    `REVOKE ALL ON FUNCTION claim_internal_call(uuid, timestamptz) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION claim_internal_call(uuid, timestamptz) TO ${appRole}`,
  ];
}

export const DROP_INTERNAL_CALL_SQL = ['DROP FUNCTION claim_internal_call(uuid, timestamptz)', 'DROP TABLE internal_call'];
