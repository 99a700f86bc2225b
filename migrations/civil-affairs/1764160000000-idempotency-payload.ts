import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_IDEMPOTENCY_PAYLOAD_SQL, IDEMPOTENCY_PAYLOAD_SQL } from '../shared/1764160000000-idempotency-payload.sql';

/** Idempotency keys remember a hash of their first payload: the same key with another payload is IDEMPOTENCY_KEY_REUSED. */
export class IdempotencyPayload1764160000000 implements MigrationInterface {
  name = 'IdempotencyPayload1764160000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of IDEMPOTENCY_PAYLOAD_SQL) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of DROP_IDEMPOTENCY_PAYLOAD_SQL) await db.query(sql);
  }
}
