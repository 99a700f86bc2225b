import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '../shared/1763800000000-idempotency-key.sql';

/** The child registry: children, their parents' whereabouts, guardianship, derived classification. */
export class Registry1763800000000 implements MigrationInterface {
  name = 'Registry1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE child (
        id                    uuid        PRIMARY KEY,
        name                  text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        gender                text        NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date            date        NOT NULL,
        ethnicity             text        CHECK (char_length(ethnicity) <= 20),
        national_id_encrypted text,
        national_id_hash      text,
        household_region_code char(6)     NOT NULL,
        household_village     text        CHECK (char_length(household_village) <= 100),
        residence_region_code char(6)     NOT NULL,
        residence_village     text        CHECK (char_length(residence_village) <= 100),
        status                text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
        status_reason         text,
        last_reviewed_at      timestamptz,
        version               integer     NOT NULL DEFAULT 1,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        created_by            text        NOT NULL,
        CHECK ((national_id_encrypted IS NULL) = (national_id_hash IS NULL))
      )`);
    // One child per national ID: a second registration finds the first.
    await db.query(`CREATE UNIQUE INDEX child_national_id_hash_key ON child (national_id_hash) WHERE national_id_hash IS NOT NULL`);
    await db.query(`CREATE INDEX child_residence_region_idx ON child (residence_region_code bpchar_pattern_ops, id)`);

    await db.query(`
      CREATE TABLE parent (
        child_id        uuid    NOT NULL REFERENCES child (id),
        role            text    NOT NULL CHECK (role IN ('FATHER', 'MOTHER')),
        name            text    CHECK (char_length(name) <= 50),
        phone           text    CHECK (char_length(phone) <= 30),
        work_place      text    CHECK (char_length(work_place) <= 200),
        away_since      date,
        unable_to_guard boolean NOT NULL DEFAULT false,
        unable_reason   text    CHECK (char_length(unable_reason) <= 200),
        PRIMARY KEY (child_id, role)
      )`);

    await db.query(`
      CREATE TABLE guardianship (
        child_id              uuid        PRIMARY KEY REFERENCES child (id),
        form                  text        NOT NULL CHECK (form IN ('GRANDPARENTS', 'RELATIVES_OR_FRIENDS', 'ONE_PARENT', 'ALONE', 'OTHER')),
        guardian_name         text        CHECK (char_length(guardian_name) <= 50),
        guardian_relationship text        CHECK (char_length(guardian_relationship) <= 30),
        guardian_phone        text        CHECK (char_length(guardian_phone) <= 30),
        guardian_address      text        CHECK (char_length(guardian_address) <= 200),
        guardian_capacity     text        CHECK (guardian_capacity IN ('CAPABLE', 'LIMITED', 'UNABLE')),
        recorded_at           timestamptz NOT NULL DEFAULT now(),
        recorded_by           text        NOT NULL,
        version               integer     NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX guardianship_form_idx ON guardianship (form)`);

    // The classification is derived from the facts at query time, never stored, so it cannot go
    // stale as parents leave or return and children turn 16. National definition (2016 on):
    // under 16, and both parents away, or one away and the other unable to guard; "away" means
    // working outside the county for at least 3 consecutive months.
    await db.query(`
      CREATE VIEW child_classification AS
      SELECT facts.child_id,
             facts.parents_away,
             facts.parents_away = 1 AND facts.present_parent_unable AS other_parent_unable_to_guard,
             CASE facts.parents_away WHEN 2 THEN 'BOTH_PARENTS_AWAY' WHEN 1 THEN 'ONE_PARENT_AWAY' ELSE 'NONE' END
               AS left_behind_type,
             facts.under_16
               AND (facts.parents_away = 2 OR (facts.parents_away = 1 AND facts.present_parent_unable))
               AS is_left_behind
      FROM (
        SELECT c.id AS child_id,
               c.birth_date > current_date - interval '16 years' AS under_16,
               count(p.role) FILTER (WHERE p.away_since <= current_date - interval '3 months')::int AS parents_away,
               coalesce(bool_or(p.unable_to_guard)
                 FILTER (WHERE p.away_since IS NULL OR p.away_since > current_date - interval '3 months'), false)
                 AS present_parent_unable
        FROM child c
        LEFT JOIN parent p ON p.child_id = c.id
        GROUP BY c.id
      ) facts`);

    await db.query(IDEMPOTENCY_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key`);
    await db.query(`DROP VIEW child_classification`);
    await db.query(`DROP TABLE guardianship`);
    await db.query(`DROP TABLE parent`);
    await db.query(`DROP TABLE child`);
  }
}
