import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accessLogSql, DROP_ACCESS_LOG_SQL } from '../shared/1764000000000-access-log.sql';

/** The append-only, hash-chained access log. Readable with audit:read by the registry's own row rules: entries about children the caller can see. */
export class AccessLog1764000000000 implements MigrationInterface {
  name = 'AccessLog1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of accessLogSql('civil_affairs_app', `EXISTS (SELECT 1 FROM child c WHERE c.id = access_log.child_id)`)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of DROP_ACCESS_LOG_SQL) await db.query(sql);
  }
}
