import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_INTERNAL_CALL_SQL, internalCallSql } from '../shared/1764150000000-internal-call.sql';

/** Internal tokens are single-use: each call's token id is claimed here, shared by every replica, and a replay is refused. */
export class InternalCall1764150000000 implements MigrationInterface {
  name = 'InternalCall1764150000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of internalCallSql('womens_federation_app')) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of DROP_INTERNAL_CALL_SQL) await db.query(sql);
  }
}
