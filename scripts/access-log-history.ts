import { Client } from 'pg';

/**
 * A long access-log history that a benchmark can switch on and off on one running system: one table
 * per month for the twelve months before this one, made as the log's own partitions
 * (`access_log_add_partition`: same columns, row-level security, append-only trigger), then detached,
 * filled in bulk with generated entries (indexes built after the fill, which is far faster than
 * growing them row by row), frozen and analysed, and given the CHECK constraint of their month so
 * that attaching them back needs no scan. `attach` and `detach` then take a moment, so one system
 * alternates between an empty log and a full one, and machine noise falls on both alike.
 *
 * The owner writes the entries directly: the chain (prev_hash, hash) of generated history is not
 * what is measured; the append reads nothing of the log, so only the history's presence matters.
 */
export class AccessLogHistory {
  private constructor(
    private readonly owner: Client,
    private readonly months: { table: string; from: string; until: string }[],
  ) {}

  /** Makes and fills the twelve past months with `entries` in all, then leaves them detached. */
  static async generate(ownerUrl: string, entries: number): Promise<AccessLogHistory> {
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    // Partition bounds are UTC months (access_log_add_partition sets the same).
    await owner.query(`SET TimeZone = 'UTC'`);
    const { rows: months } = await owner.query<{ table: string; from: string; until: string }>(
      `SELECT 'access_log_' || to_char(m, 'YYYY_MM') AS table, m::text AS from, (m + interval '1 month')::text AS until
         FROM generate_series(date_trunc('month', now()) - interval '12 months', date_trunc('month', now()) - interval '1 month', interval '1 month') AS m
        ORDER BY m`,
    );
    const history = new AccessLogHistory(owner, months);
    const perMonth = Math.ceil(entries / months.length);
    for (const { table, from, until } of months) {
      const exists = (await owner.query(`SELECT 1 FROM pg_class WHERE relname = $1`, [table])).rowCount;
      if (exists) throw new Error(`${table} exists already: the history needs a log with no past months`);
      await owner.query(`SELECT access_log_add_partition($1::timestamptz)`, [from]);
      await owner.query(`ALTER TABLE access_log DETACH PARTITION ${table}`);
      const { rows: indexes } = await owner.query<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass`, [
        table,
      ]);
      for (const { name } of indexes) await owner.query(`DROP INDEX ${name}`);
      await owner.query(
        `INSERT INTO ${table}
           SELECT nextval('access_log_seq'), $1::timestamptz + (i::float8 / $3) * ($2::timestamptz - $1::timestamptz),
                  'history-' || (i / 20), 'bench', 'bench', 'case-management', 'READ', gen_random_uuid(), '{child:basic,child:masked}',
                  repeat('0', 64), repeat('1', 64)
             FROM generate_series(0, $3 - 1) AS i`,
        [from, until, perMonth],
      );
      // The log's own indexes (1764600000000): attaching adopts these instead of building new ones.
      await owner.query(`CREATE INDEX ON ${table} (child_id, seq)`);
      await owner.query(`CREATE INDEX ON ${table} (seq)`);
      await owner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_month CHECK (at >= '${from}' AND at < '${until}')`);
      await owner.query(`VACUUM (FREEZE, ANALYZE) ${table}`);
    }
    return history;
  }

  /** History entries now in the log: those of the months attached (from the statistics, exact after the fill's ANALYZE). */
  async attachedEntries(): Promise<number> {
    const { rows } = await this.owner.query<{ n: string }>(
      `SELECT coalesce(sum(c.reltuples), 0)::bigint AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'access_log'::regclass AND c.relname = ANY ($1::text[])`,
      [this.months.map(({ table }) => table)],
    );
    return Number(rows[0]!.n);
  }

  async attach(): Promise<void> {
    for (const { table, from, until } of this.months) {
      await this.owner.query(`ALTER TABLE access_log ATTACH PARTITION ${table} FOR VALUES FROM ('${from}') TO ('${until}')`);
    }
  }

  async detach(): Promise<void> {
    for (const { table } of this.months) await this.owner.query(`ALTER TABLE access_log DETACH PARTITION ${table}`);
  }

  async end(): Promise<void> {
    await this.owner.end();
  }
}
