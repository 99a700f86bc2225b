import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '../shared/1763800000000-idempotency-key.sql';

/** Partner organisations, their programmes, and pairings of helpers with children. */
export class Partners1763800000000 implements MigrationInterface {
  name = 'Partners1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_organization (
        id            uuid        PRIMARY KEY,
        name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        type          text        NOT NULL CHECK (type IN ('NGO', 'VOLUNTEER_TEAM', 'SOCIAL_WORK_AGENCY', 'OTHER')),
        region_code   char(6)     NOT NULL,
        contact_phone text        CHECK (char_length(contact_phone) <= 30),
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text        NOT NULL
      )`);

    await db.query(`
      CREATE TABLE programme (
        id          uuid        PRIMARY KEY,
        partner_id  uuid        NOT NULL REFERENCES partner_organization (id),
        name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        kind        text        NOT NULL CHECK (kind IN ('PROXY_PARENT', 'VOLUNTEER_PAIRING', 'FAMILY_EDUCATION', 'CHILDRENS_HOME', 'OTHER')),
        region_code char(6)     NOT NULL,
        starts_on   date        NOT NULL,
        ends_on     date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  text        NOT NULL,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX programme_partner_idx ON programme (partner_id)`);

    await db.query(`
      CREATE TABLE pairing (
        id                uuid        PRIMARY KEY,
        child_id          uuid        NOT NULL,
        programme_id      uuid        NOT NULL REFERENCES programme (id),
        helper_name       text        NOT NULL CHECK (char_length(helper_name) BETWEEN 1 AND 50),
        helper_role       text        NOT NULL CHECK (helper_role IN ('PROXY_PARENT', 'VOLUNTEER')),
        helper_phone      text        CHECK (char_length(helper_phone) <= 30),
        since             date        NOT NULL,
        until             date,
        contact_frequency text        NOT NULL CHECK (contact_frequency IN ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
        created_at        timestamptz NOT NULL DEFAULT now(),
        created_by        text        NOT NULL,
        CHECK (until IS NULL OR until >= since)
      )`);
    await db.query(`CREATE INDEX pairing_child_idx ON pairing (child_id)`);
    await db.query(`CREATE INDEX pairing_programme_idx ON pairing (programme_id)`);

    await db.query(IDEMPOTENCY_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['idempotency_key', 'pairing', 'programme', 'partner_organization']) await db.query(`DROP TABLE ${table}`);
  }
}
