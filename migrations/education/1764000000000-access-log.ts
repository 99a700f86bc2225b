import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accessLogSql, DROP_ACCESS_LOG_SQL } from '../shared/1764000000000-access-log.sql';

/** The append-only, hash-chained access log. Readable with audit:read by any holder of audit:read (the gateway reaches these entries only through a child the registry shows the caller). */
export class AccessLog1764000000000 implements MigrationInterface {
  name = 'AccessLog1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of accessLogSql('education_app', `true`)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of DROP_ACCESS_LOG_SQL) await db.query(sql);
  }
}
