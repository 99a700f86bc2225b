import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accessLogSql } from './1764000000000-access-log.sql';

/**
 * FROZEN: the migration all three subgraphs ran on this date (each agency's index registers it). Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing live (only frozen history).
 *
 * The access log, partitioned by month (issue 14, "flat with history"): the append writes only into
 * the current month's partition, whose indexes stay small and in memory however long the history,
 * and it reads nothing of the log. The chain's head (last sequence number and hash) lives in a
 * one-row table whose row lock replaces the advisory lock: appends still chain in commit order.
 * Each append makes sure the next month's partition exists, so a month never starts without one.
 *
 * Indexes: `(child_id, seq)` for the reads per child (Child.accessLog and the read policy), `(seq)`
 * for `npm run audit:verify`, which walks the chain in order; both are appended at their right
 * edge or within the current month's partition. Nothing else.
 *
 * Row-level security stays on the partitioned table (its read policy is copied as it stands in each
 * database); the partitions have row-level security on, no policy and no grant: the application role
 * reaches the log only through the partitioned table. The append-only trigger sits on the table and
 * on each partition, so an update aimed at a partition is refused too.
 */
/** The log's columns, as 1764000000000 made them. */
const COLUMNS = `
        seq        bigint      NOT NULL,
        at         timestamptz NOT NULL,
        request_id text        NOT NULL,
        actor      text        NOT NULL,
        org        text        NOT NULL,
        purpose    text,
        action     text        NOT NULL CHECK (action IN ('READ', 'WRITE')),
        child_id   uuid        NOT NULL,
        categories text[]      NOT NULL,
        prev_hash  char(64)    NOT NULL,
        hash       char(64)    NOT NULL`;

export class AccessLogPartitions1764600000000 implements MigrationInterface {
  name = 'AccessLogPartitions1764600000000';

  async up(db: QueryRunner): Promise<void> {
    const { policy, appRole } = await readPolicyAndRole(db, 'access_log');
    await db.query(`ALTER TABLE access_log RENAME TO access_log_unpartitioned`);
    await db.query(`ALTER INDEX access_log_pkey RENAME TO access_log_unpartitioned_pkey`);
    await db.query(`ALTER INDEX access_log_child_idx RENAME TO access_log_unpartitioned_child_idx`);
    await db.query(`
      CREATE TABLE access_log (${COLUMNS}) PARTITION BY RANGE (at)`);
    await db.query(`CREATE INDEX access_log_child_idx ON access_log (child_id, seq)`);
    await db.query(`CREATE INDEX access_log_seq_idx ON access_log (seq)`);
    await db.query(`
      CREATE TABLE access_log_head (
        one              boolean     PRIMARY KEY DEFAULT true CHECK (one),
        seq              bigint      NOT NULL,
        hash             char(64)    NOT NULL,
        partitions_until timestamptz NOT NULL
      )`);
    await db.query(`ALTER TABLE access_log_head ENABLE ROW LEVEL SECURITY`);
    // A partition per UTC month: [from, from + 1 month), named by its month, guarded like the table.
    await db.query(`
      CREATE FUNCTION access_log_add_partition(p_from timestamptz) RETURNS timestamptz
        LANGUAGE plpgsql SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
      DECLARE
        v_until timestamptz := p_from + interval '1 month';
        v_name text := 'access_log_' || to_char(p_from, 'YYYY_MM');
      BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)', v_name, p_from, v_until);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_name);
        EXECUTE format('CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON %I
                          FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()', v_name);
        RETURN v_until;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION access_log_add_partition(timestamptz) FROM PUBLIC`);

    // Partitions from the oldest entry's month to the month after this one; the entries move over.
    await db.query(`
      DO $$
      DECLARE
        v_from timestamptz := date_trunc('month', least(now(), (SELECT min(at) FROM access_log_unpartitioned)), 'UTC');
        v_until timestamptz := date_trunc('month', now(), 'UTC') + interval '2 months';
      BEGIN
        WHILE v_from < v_until LOOP
          v_from := access_log_add_partition(v_from);
        END LOOP;
        INSERT INTO access_log_head
          SELECT true, coalesce(max(seq), 0), coalesce((SELECT hash FROM access_log_unpartitioned ORDER BY seq DESC LIMIT 1), repeat('0', 64)), v_until
            FROM access_log_unpartitioned;
      END $$`);
    await db.query(`INSERT INTO access_log SELECT * FROM access_log_unpartitioned`);
    await db.query(`DROP TABLE access_log_unpartitioned`);

    await db.query(`CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
                      FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`);
    await db.query(`GRANT SELECT ON access_log TO "${appRole}"`);
    await db.query(`ALTER TABLE access_log ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY access_log_read ON access_log FOR SELECT USING (${policy})`);

    // Same signature and grants; the chain's head comes from its row, locked to the transaction's end.
    await db.query(`
      CREATE OR REPLACE FUNCTION append_access_log(p_request_id text, p_actor text, p_org text, p_purpose text, p_entries jsonb)
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
      DECLARE
        v_head access_log_head%ROWTYPE;
        v_entry jsonb;
        v_seq bigint;
        v_at timestamptz;
        v_hash text;
        v_categories text[];
        v_count integer := 0;
      BEGIN
        IF jsonb_array_length(p_entries) = 0 THEN
          RETURN 0;
        END IF;
        -- Held to the end of the request's transaction: entries chain in commit order.
        SELECT * INTO STRICT v_head FROM access_log_head FOR UPDATE;
        v_at := clock_timestamp();
        -- The partition for the month after this one exists before this month's last entry.
        WHILE v_head.partitions_until <= v_at + interval '1 month' LOOP
          v_head.partitions_until := access_log_add_partition(v_head.partitions_until);
        END LOOP;
        FOR v_entry IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
          v_seq := nextval('access_log_seq');
          v_categories := ARRAY(SELECT jsonb_array_elements_text(v_entry -> 'categories') ORDER BY 1);
          v_hash := access_log_hash(v_head.hash, v_seq, v_at, p_request_id, p_actor, p_org, p_purpose,
                                    v_entry ->> 'action', (v_entry ->> 'childId')::uuid, v_categories);
          INSERT INTO access_log VALUES (v_seq, v_at, p_request_id, p_actor, p_org, p_purpose, v_entry ->> 'action',
                                         (v_entry ->> 'childId')::uuid, v_categories, v_head.hash, v_hash);
          v_head.hash := v_hash;
          v_count := v_count + 1;
        END LOOP;
        UPDATE access_log_head SET seq = v_seq, hash = v_head.hash, partitions_until = v_head.partitions_until;
        RETURN v_count;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    const { policy, appRole } = await readPolicyAndRole(db, 'access_log');
    await db.query(`ALTER TABLE access_log RENAME TO access_log_partitioned`);
    await db.query(`ALTER INDEX access_log_child_idx RENAME TO access_log_partitioned_child_idx`);
    await db.query(`
      CREATE TABLE access_log (${COLUMNS}, PRIMARY KEY (seq))`);
    await db.query(`CREATE INDEX access_log_child_idx ON access_log (child_id, seq)`);
    await db.query(`INSERT INTO access_log SELECT * FROM access_log_partitioned ORDER BY seq`);
    await db.query(`DROP TABLE access_log_partitioned`);
    await db.query(`DROP TABLE access_log_head`);
    await db.query(`DROP FUNCTION access_log_add_partition(timestamptz)`);
    await db.query(`CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
                      FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`);
    await db.query(`GRANT SELECT ON access_log TO "${appRole}"`);
    await db.query(`ALTER TABLE access_log ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY access_log_read ON access_log FOR SELECT USING (${policy})`);
    // The append as 1764000000000 wrote it: an advisory lock and the previous entry read by seq.
    const append = accessLogSql(appRole, policy).find((sql) => sql.startsWith('CREATE FUNCTION append_access_log'))!;
    await db.query(append.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  }
}

/** The log's read policy as it stands in this database (each agency's differs) and the role granted to read it. */
async function readPolicyAndRole(db: QueryRunner, table: string): Promise<{ policy: string; appRole: string }> {
  const [row]: { policy: string; app_role: string }[] = await db.query(
    `SELECT pg_get_expr(p.polqual, p.polrelid) AS policy,
            (SELECT r.rolname FROM aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
              WHERE a.privilege_type = 'SELECT' AND a.grantee <> c.relowner LIMIT 1) AS app_role
       FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
      WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace AND p.polname = 'access_log_read'`,
    [table],
  );
  if (!row?.policy || !row.app_role) throw new Error(`${table}: no read policy or no reading role to carry over`);
  return { policy: row.policy, appRole: row.app_role };
}
