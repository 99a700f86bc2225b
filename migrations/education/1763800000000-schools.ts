import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '../shared/1763800000000-idempotency-key.sql';

/** Schools, enrolments, care-responsible persons and talks. */
export class Schools1763800000000 implements MigrationInterface {
  name = 'Schools1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE school (
        id          uuid        PRIMARY KEY,
        name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        region_code char(6)     NOT NULL,
        type        text        NOT NULL CHECK (type IN ('KINDERGARTEN', 'PRIMARY', 'JUNIOR_SECONDARY', 'NINE_YEAR', 'SENIOR_SECONDARY', 'TEACHING_POINT')),
        boarding    boolean     NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  text        NOT NULL
      )`);
    await db.query(`CREATE INDEX school_region_idx ON school (region_code bpchar_pattern_ops, id)`);

    await db.query(`
      CREATE TABLE enrolment (
        id             uuid        PRIMARY KEY,
        child_id       uuid        NOT NULL,
        school_id      uuid        NOT NULL REFERENCES school (id),
        grade          smallint    NOT NULL CHECK (grade BETWEEN 1 AND 12),
        class_name     text        CHECK (char_length(class_name) <= 30),
        student_number text        CHECK (char_length(student_number) <= 30),
        boarding       boolean     NOT NULL DEFAULT false,
        status         text        NOT NULL DEFAULT 'ENROLLED' CHECK (status IN ('ENROLLED', 'TRANSFERRED', 'DROPPED_OUT', 'GRADUATED')),
        enrolled_on    date        NOT NULL,
        ended_on       date,
        version        integer     NOT NULL DEFAULT 1,
        created_at     timestamptz NOT NULL DEFAULT now(),
        created_by     text        NOT NULL
      )`);
    // A child is enrolled at one school at a time; a transfer ends the old enrolment first.
    await db.query(`CREATE UNIQUE INDEX enrolment_current_key ON enrolment (child_id) WHERE status = 'ENROLLED'`);
    await db.query(`CREATE INDEX enrolment_child_idx ON enrolment (child_id)`);
    await db.query(`CREATE INDEX enrolment_school_idx ON enrolment (school_id, id)`);

    await db.query(`
      CREATE TABLE care_assignment (
        id            uuid        PRIMARY KEY,
        child_id      uuid        NOT NULL,
        school_id     uuid        NOT NULL REFERENCES school (id),
        teacher_name  text        NOT NULL CHECK (char_length(teacher_name) BETWEEN 1 AND 50),
        teacher_phone text        CHECK (char_length(teacher_phone) <= 30),
        role          text        NOT NULL CHECK (role IN ('HEAD_TEACHER', 'SUBJECT_TEACHER', 'COUNSELLOR', 'OTHER')),
        assigned_on   date        NOT NULL,
        ended_on      date,
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text        NOT NULL
      )`);
    // One care-responsible person (关爱责任人) at a time; earlier ones stay as history.
    await db.query(`CREATE UNIQUE INDEX care_assignment_current_key ON care_assignment (child_id) WHERE ended_on IS NULL`);

    await db.query(`
      CREATE TABLE talk (
        id         uuid        PRIMARY KEY,
        child_id   uuid        NOT NULL,
        held_on    date        NOT NULL,
        held_by    text        NOT NULL CHECK (char_length(held_by) BETWEEN 1 AND 50),
        summary    text        CHECK (char_length(summary) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text        NOT NULL
      )`);
    await db.query(`CREATE INDEX talk_child_held_idx ON talk (child_id, held_on DESC, id DESC)`);

    await db.query(IDEMPOTENCY_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['idempotency_key', 'talk', 'care_assignment', 'enrolment', 'school']) await db.query(`DROP TABLE ${table}`);
  }
}
