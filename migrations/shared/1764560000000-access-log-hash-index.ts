import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FROZEN: the migration all three subgraphs ran on this date (each agency's index registers it). Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing live.
 *
 * The access log's chain needs no unique index on `hash`: each entry's hash covers the previous
 * one and its own sequence number, the append reads the previous entry by `seq` (the primary key),
 * and `npm run audit:verify` recomputes the chain. The index was the append's largest cost at
 * scale (a random 64-character key: 347 MB at 3 million entries, no longer in memory, 2 ms → 9 ms
 * per 20 entries), and every append paid it under the chain's lock.
 */
export class AccessLogHashIndex1764560000000 implements MigrationInterface {
  name = 'AccessLogHashIndex1764560000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_hash_key`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_hash_key UNIQUE (hash)`);
  }
}
