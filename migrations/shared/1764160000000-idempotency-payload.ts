import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FROZEN: the migration all three subgraphs ran on this date (each agency's index registers it). Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing live.
 *
 * Each idempotency key now keeps the SHA-256 of the payload it was first used with, so a key
 * reused with a different payload is refused (IDEMPOTENCY_KEY_REUSED) instead of silently
 * answered with the first record. Keys claimed before this have no hash (NULL) and are not checked.
 * The same in every database: the table and its grants are the same in all three.
 */
export class IdempotencyPayload1764160000000 implements MigrationInterface {
  name = 'IdempotencyPayload1764160000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_key ADD COLUMN payload_hash text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_key DROP COLUMN payload_hash`);
  }
}
