/**
 * FROZEN: the access-log table, its hash chain and its append function, exactly as the migrations of this date ran it. Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing.
 */
/**
 * The append-only, hash-chained access log every subgraph keeps in its own database (DESIGN 4,
 * Audit). The application role cannot insert, update or delete rows: it may only call
 * `append_access_log`, a SECURITY DEFINER function that takes a transaction lock, chains each new
 * entry to the last one (hash = SHA-256 over the previous hash and the entry's fields, each
 * length-prefixed) and inserts. A trigger refuses updates and deletes even by the owner, and
 * `npm run audit:verify` recomputes the chain, so a row changed behind the trigger's back shows.
 */
export function accessLogSql(appRole: string, readPolicy: string): string[] {
  return [
    `CREATE SEQUENCE access_log_seq`,
    `CREATE TABLE access_log (
       seq        bigint      PRIMARY KEY,
       at         timestamptz NOT NULL,
       request_id text        NOT NULL,
       actor      text        NOT NULL,
       org        text        NOT NULL,
       purpose    text,
       action     text        NOT NULL CHECK (action IN ('READ', 'WRITE')),
       child_id   uuid        NOT NULL,
       categories text[]      NOT NULL,
       prev_hash  char(64)    NOT NULL,
       hash       char(64)    NOT NULL UNIQUE
     )`,
    `CREATE INDEX access_log_child_idx ON access_log (child_id, seq)`,
    `CREATE FUNCTION access_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS
       $$ SELECT length(coalesce(value, ''))::text || ':' || coalesce(value, '') $$`,
    `CREATE FUNCTION access_log_hash(prev text, seq bigint, at timestamptz, request_id text, actor text, org text,
                                     purpose text, action text, child_id uuid, categories text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT encode(sha256(convert_to(
         access_log_field(prev) || access_log_field(seq::text) || access_log_field(((extract(epoch FROM at) * 1000000)::bigint)::text)
         || access_log_field(request_id) || access_log_field(actor) || access_log_field(org) || access_log_field(purpose)
         || access_log_field(action) || access_log_field(child_id::text) || access_log_field(array_to_string(categories, ',')),
         'UTF8')), 'hex')
     $$`,
    `CREATE FUNCTION append_access_log(p_request_id text, p_actor text, p_org text, p_purpose text, p_entries jsonb)
       RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
     DECLARE
       v_prev text;
       v_entry jsonb;
       v_seq bigint;
       v_at timestamptz := clock_timestamp();
       v_hash text;
       v_categories text[];
       v_count integer := 0;
     BEGIN
       -- Held to the end of the request's transaction: entries chain in commit order.
       PERFORM pg_advisory_xact_lock(hashtext('access_log'));
       SELECT hash INTO v_prev FROM access_log ORDER BY seq DESC LIMIT 1;
       v_prev := coalesce(v_prev, repeat('0', 64));
       FOR v_entry IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
         v_seq := nextval('access_log_seq');
         v_categories := ARRAY(SELECT jsonb_array_elements_text(v_entry -> 'categories') ORDER BY 1);
         v_hash := access_log_hash(v_prev, v_seq, v_at, p_request_id, p_actor, p_org, p_purpose,
                                   v_entry ->> 'action', (v_entry ->> 'childId')::uuid, v_categories);
         INSERT INTO access_log VALUES (v_seq, v_at, p_request_id, p_actor, p_org, p_purpose, v_entry ->> 'action',
                                        (v_entry ->> 'childId')::uuid, v_categories, v_prev, v_hash);
         v_prev := v_hash;
         v_count := v_count + 1;
       END LOOP;
       RETURN v_count;
     END $$`,
    `CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'access_log is append-only';
     END $$`,
    `CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
       FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`,
    `REVOKE ALL ON FUNCTION append_access_log(text, text, text, text, jsonb) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION append_access_log(text, text, text, text, jsonb) TO ${appRole}`,
    `GRANT SELECT ON access_log TO ${appRole}`,
    `ALTER TABLE access_log ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY access_log_read ON access_log FOR SELECT USING ('audit:read' = ANY (app_list('app.scopes')) AND (${readPolicy}))`,
  ];
}

export const DROP_ACCESS_LOG_SQL = [
  'DROP TABLE access_log',
  'DROP FUNCTION access_log_refuse_change()',
  'DROP FUNCTION append_access_log(text, text, text, text, jsonb)',
  'DROP FUNCTION access_log_hash(text, bigint, timestamptz, text, text, text, text, text, uuid, text[])',
  'DROP FUNCTION access_log_field(text)',
  'DROP SEQUENCE access_log_seq',
];
