import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHILD_SCHOOL_AND_PARTNER_REACH } from '../shared/1764500000000-townships.sql';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

// The closed vocabularies of this date (the API's enums mirror them).
const DIFFICULTY_CATEGORIES = [
  'ORPHAN',
  'DE_FACTO_UNSUPPORTED',
  'HIV_AFFECTED',
  'SEVERE_DISABILITY',
  'SEVERE_ILLNESS',
  'LOW_INCOME_FAMILY',
  'HARMED_BY_GUARDIAN',
  'STREET_CHILD',
  'EMERGENCY_OR_ACCIDENT',
];
const DIFFICULTY_SOURCES = [
  'MINIMUM_LIVING_RECORDS',
  'POVERTY_RECORDS',
  'DISABILITY_RECORDS',
  'MEDICAL_RECORDS',
  'ORPHAN_RECORDS',
  'POLICE_OR_COURT',
  'SWEEP',
  'OTHER',
];
const BENEFIT_KINDS = ['MINIMUM_LIVING_ALLOWANCE', 'ORPHAN_ALLOWANCE', 'DE_FACTO_UNSUPPORTED_ALLOWANCE', 'OTHER'];
const BENEFIT_FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'YEARLY', 'ONE_OFF'];
const CAPACITIES = ['CAPABLE', 'LIMITED', 'UNABLE'];
const REPORT_CATEGORIES = [
  'LIVING_ALONE_UNSUPERVISED',
  'MISSING',
  'GUARDIAN_UNABLE_OR_NEGLECTING',
  'SUSPECTED_DOMESTIC_VIOLENCE',
  'SUSPECTED_INJURY',
  'SUSPECTED_UNLAWFUL_HARM',
];
const BODIES = ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION', 'TOWNSHIP_GOVERNMENT'];
const REPORT_OUTCOMES = ['SAFE_WITH_FAMILY', 'CARE_ARRANGED', 'TEMPORARY_GUARDIANSHIP', 'CHILD_FOUND', 'CRIMINAL_CASE_OPENED', 'UNFOUNDED', 'OTHER'];
const STEP_ACTIONS = ['NOTIFIED', 'VISITED', 'INTERVENED', 'REFERRED', 'OTHER'];
const ARCHIVE_REASONS = ['AGED_OUT', 'PARENTS_RETURNED', 'NO_LONGER_IN_DIFFICULTY', 'MOVED_AWAY', 'OTHER'];

/** Tables whose rows are reached exactly through the child they name. */
const CHILD_RECORD_TABLES = ['difficulty_category', 'benefit', 'guardianship_verification', 'reentrustment_notice', 'file_review'];

/**
 * Children at risk are noticed (issue 11): difficult-circumstance categories (困境儿童) and
 * benefits; the child directors (儿童主任) and supervisors (儿童督导员) in charge of each child;
 * guardianship kept as a dated history with the entrustment notices to the village and school,
 * verification visits and re-entrustment notices; mandatory protection reports (强制报告) and their
 * handling; file reviews and archiving; and the derived risk status every working list reads.
 *
 * Row rules: a child is reached in the caller's area (county, township or village), by the child
 * director or supervisor in charge of it, by school staff while enrolled, by a consented partner;
 * an archived file only by holders of the archive right (child:archive). Protection reports are
 * read with protection:read and handled with protection:handle wherever the child is reached, even
 * archived; their reporter keeps reading its own report's row (the API shows it only the status).
 */
export class ChildrenAtRisk1764510000000 implements MigrationInterface {
  name = 'ChildrenAtRisk1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE care_worker (
        id            uuid        PRIMARY KEY,
        role          text        NOT NULL CHECK (role IN ('CHILD_DIRECTOR', 'CHILD_SUPERVISOR')),
        name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        phone         text        CHECK (char_length(phone) <= 30),
        township_code char(9)     NOT NULL,
        village_code  char(12),
        village_name  text        CHECK (char_length(village_name) <= 100),
        subject       text        UNIQUE CHECK (char_length(subject) BETWEEN 1 AND 200),
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text        NOT NULL,
        CHECK (village_code IS NULL OR left(village_code, 9) = township_code),
        CHECK ((role = 'CHILD_DIRECTOR') = (village_code IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX care_worker_area_idx ON care_worker (township_code, id)`);

    await db.query(`
      ALTER TABLE child
        ADD COLUMN child_director_id   uuid REFERENCES care_worker (id),
        ADD COLUMN child_supervisor_id uuid REFERENCES care_worker (id),
        ADD COLUMN last_reviewed_on    date,
        ADD COLUMN last_reviewed_by    text,
        ADD COLUMN archive_reason      text CHECK (archive_reason IN (${list(ARCHIVE_REASONS)})),
        ADD CONSTRAINT child_archived_with_reason CHECK ((status = 'ARCHIVED') = (archive_reason IS NOT NULL))`);

    await db.query(`
      CREATE TABLE difficulty_category (
        id          uuid        PRIMARY KEY,
        child_id    uuid        NOT NULL REFERENCES child (id),
        category    text        NOT NULL CHECK (category IN (${list(DIFFICULTY_CATEGORIES)})),
        basis       text        NOT NULL CHECK (char_length(basis) BETWEEN 1 AND 500),
        source      text        NOT NULL CHECK (source IN (${list(DIFFICULTY_SOURCES)})),
        starts_on   date        NOT NULL,
        ends_on     date,
        end_reason  text        CHECK (char_length(end_reason) <= 500),
        version     integer     NOT NULL DEFAULT 1,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text        NOT NULL,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX difficulty_category_child_idx ON difficulty_category (child_id, starts_on)`);
    // One open-ended record per category and child; periods of the same category never overlap (the service checks).
    await db.query(`CREATE UNIQUE INDEX difficulty_category_open_key ON difficulty_category (child_id, category) WHERE ends_on IS NULL`);

    await db.query(`
      CREATE TABLE benefit (
        id          uuid        PRIMARY KEY,
        child_id    uuid        NOT NULL REFERENCES child (id),
        kind        text        NOT NULL CHECK (kind IN (${list(BENEFIT_KINDS)})),
        description text        CHECK (char_length(description) <= 200),
        amount_fen  integer     NOT NULL CHECK (amount_fen > 0),
        frequency   text        NOT NULL CHECK (frequency IN (${list(BENEFIT_FREQUENCIES)})),
        starts_on   date        NOT NULL,
        ends_on     date,
        granted_by  text        NOT NULL CHECK (char_length(granted_by) BETWEEN 1 AND 100),
        version     integer     NOT NULL DEFAULT 1,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text        NOT NULL,
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (kind <> 'OTHER' OR description IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX benefit_child_idx ON benefit (child_id, starts_on)`);

    // Guardianship becomes a history: each change is a new version; the current one is the latest.
    await db.query(`ALTER TABLE guardianship DROP CONSTRAINT guardianship_pkey`);
    await db.query(`ALTER TABLE guardianship ADD PRIMARY KEY (child_id, version)`);
    await db.query(`
      ALTER TABLE guardianship
        ADD COLUMN since                  date,
        ADD COLUMN reported_to_village_on date,
        ADD COLUMN reported_to_school_on  date`);
    await db.query(`UPDATE guardianship SET since = recorded_at::date`);
    await db.query(`ALTER TABLE guardianship ALTER COLUMN since SET NOT NULL`);

    await db.query(`
      CREATE TABLE guardianship_verification (
        id                   uuid        PRIMARY KEY,
        child_id             uuid        NOT NULL REFERENCES child (id),
        guardianship_version integer     NOT NULL,
        visited_on           date        NOT NULL,
        visitor_name         text        NOT NULL CHECK (char_length(visitor_name) BETWEEN 1 AND 50),
        visitor_level        text        NOT NULL CHECK (visitor_level IN ('TOWNSHIP', 'VILLAGE')),
        method               text        NOT NULL CHECK (method IN ('HOME_VISIT', 'ASSESSMENT')),
        outcome              text        NOT NULL CHECK (outcome IN (${list(CAPACITIES)})),
        notes                text        CHECK (char_length(notes) <= 1000),
        recorded_at          timestamptz NOT NULL DEFAULT now(),
        recorded_by          text        NOT NULL,
        FOREIGN KEY (child_id, guardianship_version) REFERENCES guardianship (child_id, version)
      )`);
    await db.query(`CREATE INDEX guardianship_verification_child_idx ON guardianship_verification (child_id, visited_on)`);

    await db.query(`
      CREATE TABLE reentrustment_notice (
        id                          uuid        PRIMARY KEY,
        child_id                    uuid        NOT NULL REFERENCES child (id),
        cause                       text        NOT NULL CHECK (cause IN ('VERIFICATION_FOUND_UNABLE', 'GUARDIAN_RECORDED_UNABLE')),
        guardianship_version        integer     NOT NULL,
        verification_id             uuid        REFERENCES guardianship_verification (id),
        opened_at                   timestamptz NOT NULL DEFAULT now(),
        opened_by                   text        NOT NULL,
        parents_notified_on         date,
        parents_notified_by         text,
        closed_at                   timestamptz,
        closed_by                   text,
        closing_guardianship_version integer,
        version                     integer     NOT NULL DEFAULT 1,
        FOREIGN KEY (child_id, guardianship_version) REFERENCES guardianship (child_id, version),
        CHECK ((parents_notified_on IS NULL) = (parents_notified_by IS NULL)),
        CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closing_guardianship_version IS NULL))
      )`);
    // A notice stays open until a capable guardian is recorded; one open notice per child.
    await db.query(`CREATE UNIQUE INDEX reentrustment_notice_open_key ON reentrustment_notice (child_id) WHERE closed_at IS NULL`);
    await db.query(`CREATE INDEX reentrustment_notice_child_idx ON reentrustment_notice (child_id, opened_at)`);

    await db.query(`
      CREATE TABLE protection_report (
        id             uuid        PRIMARY KEY,
        child_id       uuid        NOT NULL REFERENCES child (id),
        category       text        NOT NULL CHECK (category IN (${list(REPORT_CATEGORIES)})),
        facts          text        NOT NULL CHECK (char_length(facts) BETWEEN 1 AND 4000),
        reporter_sub   text        NOT NULL,
        reporter_org   text        NOT NULL,
        reporter_name  text        NOT NULL CHECK (char_length(reporter_name) BETWEEN 1 AND 50),
        reporter_phone text        CHECK (char_length(reporter_phone) <= 30),
        reported_at    timestamptz NOT NULL DEFAULT now(),
        notify_bodies  text[]      NOT NULL CHECK (cardinality(notify_bodies) > 0 AND notify_bodies <@ ARRAY[${list(BODIES)}]),
        status         text        NOT NULL DEFAULT 'FILED' CHECK (status IN ('FILED', 'IN_PROGRESS', 'CLOSED')),
        outcome        text        CHECK (outcome IN (${list(REPORT_OUTCOMES)})),
        outcome_notes  text        CHECK (char_length(outcome_notes) <= 2000),
        closed_at      timestamptz,
        closed_by      text,
        version        integer     NOT NULL DEFAULT 1,
        CHECK ((status = 'CLOSED') = (outcome IS NOT NULL) AND (status = 'CLOSED') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL))
      )`);
    await db.query(`CREATE INDEX protection_report_child_idx ON protection_report (child_id, reported_at)`);
    await db.query(`CREATE INDEX protection_report_status_idx ON protection_report (status, id)`);
    await db.query(`CREATE INDEX protection_report_reporter_idx ON protection_report (reporter_sub, id)`);

    await db.query(`
      CREATE TABLE protection_report_step (
        id          uuid        PRIMARY KEY,
        report_id   uuid        NOT NULL REFERENCES protection_report (id),
        child_id    uuid        NOT NULL REFERENCES child (id),
        action      text        NOT NULL CHECK (action IN (${list(STEP_ACTIONS)})),
        body        text        CHECK (body IN (${list(BODIES)})),
        taken_at    timestamptz NOT NULL,
        notes       text        CHECK (char_length(notes) <= 2000),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text        NOT NULL,
        CHECK (action <> 'NOTIFIED' OR body IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX protection_report_step_report_idx ON protection_report_step (report_id, taken_at)`);

    await db.query(`
      CREATE TABLE file_review (
        id             uuid        PRIMARY KEY,
        child_id       uuid        NOT NULL REFERENCES child (id),
        kind           text        NOT NULL CHECK (kind IN ('REVIEW', 'ARCHIVE', 'REACTIVATE')),
        reviewed_on    date        NOT NULL,
        reviewer       text        NOT NULL,
        archive_reason text        CHECK (archive_reason IN (${list(ARCHIVE_REASONS)})),
        notes          text        CHECK (char_length(notes) <= 1000),
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'ARCHIVE') = (archive_reason IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX file_review_child_idx ON file_review (child_id, reviewed_on)`);

    // In difficult circumstances (困境儿童) today: a category holding today, and under 18. One
    // definition for the risk status and the registry set alike.
    await db.query(`
      CREATE FUNCTION child_in_difficulty(p_child uuid, p_birth_date date) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT p_birth_date > current_date - interval '18 years'
           AND EXISTS (SELECT 1 FROM difficulty_category d
                        WHERE d.child_id = p_child AND d.starts_on <= current_date AND (d.ends_on IS NULL OR d.ends_on >= current_date))
      $$`);

    // The left-behind classification of one child, as the child_classification view defined it
    // (1763800000000), as a function the planner inlines: a view over every child grouped by child
    // cannot be narrowed to the few children a page or a list needs, a lateral call can.
    await db.query(`
      CREATE FUNCTION child_left_behind(p_child uuid, p_birth_date date)
        RETURNS TABLE (parents_away integer, other_parent_unable_to_guard boolean, left_behind_type text, is_left_behind boolean)
        LANGUAGE sql STABLE AS $$
        SELECT facts.parents_away,
               facts.parents_away = 1 AND facts.present_parent_unable,
               CASE facts.parents_away WHEN 2 THEN 'BOTH_PARENTS_AWAY' WHEN 1 THEN 'ONE_PARENT_AWAY' ELSE 'NONE' END,
               p_birth_date > current_date - interval '16 years'
                 AND (facts.parents_away = 2 OR (facts.parents_away = 1 AND facts.present_parent_unable))
          FROM (SELECT count(p.role) FILTER (WHERE p.away_since <= current_date - interval '3 months')::int AS parents_away,
                       coalesce(bool_or(p.unable_to_guard)
                         FILTER (WHERE p.away_since IS NULL OR p.away_since > current_date - interval '3 months'), false) AS present_parent_unable
                  FROM parent p
                 WHERE p.child_id = p_child) facts
      $$`);
    await db.query(`
      CREATE OR REPLACE VIEW child_classification WITH (security_invoker = true) AS
      SELECT c.id AS child_id, lb.parents_away, lb.other_parent_unable_to_guard, lb.left_behind_type, lb.is_left_behind
        FROM child c CROSS JOIN LATERAL child_left_behind(c.id, c.birth_date) lb`);

    // The risk status, derived each time it is read (never stored), from what the caller may see.
    // Each flag is its own expression over the child row, so a working list that filters on one
    // flag computes that flag alone (cheap tests first), not the whole status of every child.
    await db.query(`
      CREATE VIEW child_risk_status WITH (security_invoker = true) AS
      SELECT c.id AS child_id,
             child_in_difficulty(c.id, c.birth_date) AS in_difficulty,
             coalesce((SELECT g.form = 'ALONE' FROM guardianship g WHERE g.child_id = c.id ORDER BY g.version DESC LIMIT 1), false) AS living_alone,
             NOT EXISTS (SELECT 1 FROM guardianship g WHERE g.child_id = c.id) AS no_guardianship_recorded,
             coalesce((SELECT g.guardian_capacity = 'UNABLE' FROM guardianship g WHERE g.child_id = c.id ORDER BY g.version DESC LIMIT 1), false)
               AS guardian_unable,
             EXISTS (SELECT 1 FROM reentrustment_notice n WHERE n.child_id = c.id AND n.closed_at IS NULL) AS reentrustment_notice_open,
             EXISTS (SELECT 1 FROM protection_report r WHERE r.child_id = c.id AND r.status <> 'CLOSED') AS open_protection_report,
             -- Files are refreshed at least every 3 months (seed 002); a file never reviewed counts from its registration.
             (coalesce(c.last_reviewed_on, c.created_at::date) + interval '3 months')::date AS review_due_on,
             c.status = 'ACTIVE' AND current_date > (coalesce(c.last_reviewed_on, c.created_at::date) + interval '3 months')::date AS review_overdue,
             -- No longer qualifies by age: 16 for a left-behind child, 18 for one in difficult circumstances.
             c.status = 'ACTIVE'
               AND (c.birth_date <= current_date - interval '18 years'
                    OR (c.birth_date <= current_date - interval '16 years' AND NOT child_in_difficulty(c.id, c.birth_date))) AS aged_out,
             -- Under 16, no longer left-behind (the parents came home) and in no category.
             c.status = 'ACTIVE' AND c.birth_date > current_date - interval '16 years'
               AND NOT child_in_difficulty(c.id, c.birth_date)
               AND NOT (SELECT lb.is_left_behind FROM child_left_behind(c.id, c.birth_date) lb) AS parents_returned
        FROM child c`);

    await this.rowRules(db);
  }

  private async rowRules(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE ON care_worker, ${CHILD_RECORD_TABLES.join(', ')}, protection_report, protection_report_step TO ${APP}`);
    await db.query(`GRANT SELECT ON child_risk_status TO ${APP}`);

    // Child directors and supervisors are a public directory (their names are posted in their
    // villages); they are added and changed in the caller's area.
    await db.query(`ALTER TABLE care_worker ENABLE ROW LEVEL SECURITY`);
    const workerInArea = `app_in_area(left(township_code, 6), township_code, village_code)`;
    await db.query(`CREATE POLICY care_worker_directory ON care_worker FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY care_worker_insert ON care_worker FOR INSERT WITH CHECK (${workerInArea})`);
    await db.query(`CREATE POLICY care_worker_update ON care_worker FOR UPDATE USING (${workerInArea}) WITH CHECK (${workerInArea})`);

    // The caller is the child director or supervisor in charge of the child (never a partner). The
    // subquery names no column of the row, so it runs once per statement, not once per child.
    const callerWorkers = `SELECT w.id FROM care_worker w WHERE w.subject = app_setting('app.sub')`;
    const inChargeOf = (row: string) =>
      `(app_setting('app.partner') IS NULL AND (${row}child_director_id IN (${callerWorkers}) OR ${row}child_supervisor_id IN (${callerWorkers})))`;
    // Every way a caller reaches a child, whatever the file's status (`row` qualifies the child's
    // columns). Written out, not a function: the planner cannot inline a function with subqueries,
    // and calling one for every child of a list costs more than the list.
    const reachOf = (row: string) => `(
      app_in_area(${row}household_region_code, ${row}household_township_code, ${row}household_village_code)
      OR app_in_area(${row}residence_region_code, ${row}residence_township_code, ${row}residence_village_code)
      OR ${inChargeOf(row)}
      OR (cardinality(app_list('app.schools')) > 0 AND EXISTS (
            SELECT 1 FROM enrolment_feed.enrolment e
             WHERE e.child_id = ${row}id AND e.status IN ('ENROLLED', 'SUSPENDED', 'DROPPED_OUT') AND e.school_id::text = ANY (app_list('app.schools'))))
      OR (app_setting('app.partner') IS NOT NULL AND partner_feed.fresh() AND EXISTS (
            SELECT 1 FROM partner_feed.child_grant g
             WHERE g.child_id = ${row}id AND g.purpose = app_setting('app.purpose') AND 'child:masked' = ANY (g.categories)
               AND current_date <= g.valid_until)))`;
    const reach = reachOf('child.');
    const writable = `(app_in_area(household_region_code, household_township_code, household_village_code)
      OR app_in_area(residence_region_code, residence_township_code, residence_village_code)
      OR ${inChargeOf('child.')})`;
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`DROP POLICY child_update ON child`);
    // An archived file stays readable only to holders of the archive right (supervisors).
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING ((status = 'ACTIVE' OR 'child:archive' = ANY (app_list('app.scopes'))) AND ${reach})`);
    await db.query(`CREATE POLICY child_update ON child FOR UPDATE USING (${writable}) WITH CHECK (${writable})`);

    // Whether the caller reaches the child whatever its file's status: a protection report can be
    // filed about, and is handled for, a child whose file is archived. Runs as the owner over the
    // child row alone; the reach itself is the caller's (it reads only the request's settings).
    await db.query(`
      CREATE FUNCTION app_child_reachable(p_child uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT coalesce((SELECT ${reachOf('c.')} FROM child c WHERE c.id = p_child), false)
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_child_reachable(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_child_reachable(uuid) TO ${APP}`);

    for (const table of CHILD_RECORD_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      const ofVisibleChild = `app_child_visible(${table}.child_id)`;
      await db.query(`CREATE POLICY ${table}_of_visible_child ON ${table} USING (${ofVisibleChild}) WITH CHECK (${ofVisibleChild})`);
    }

    const holds = (scope: string) => `'${scope}' = ANY (app_list('app.scopes'))`;
    await db.query(`ALTER TABLE protection_report ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY protection_report_read ON protection_report FOR SELECT
                      USING ((${holds('protection:read')} AND app_child_reachable(child_id)) OR reporter_sub = app_setting('app.sub'))`);
    await db.query(`CREATE POLICY protection_report_file ON protection_report FOR INSERT
                      WITH CHECK (${holds('protection:file')} AND reporter_sub = app_setting('app.sub') AND app_child_reachable(child_id))`);
    await db.query(`CREATE POLICY protection_report_handle ON protection_report FOR UPDATE
                      USING (${holds('protection:handle')} AND app_child_reachable(child_id))
                      WITH CHECK (${holds('protection:handle')} AND app_child_reachable(child_id))`);
    await db.query(`ALTER TABLE protection_report_step ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY protection_report_step_read ON protection_report_step FOR SELECT
                      USING (${holds('protection:read')} AND app_child_reachable(child_id))`);
    await db.query(`CREATE POLICY protection_report_step_insert ON protection_report_step FOR INSERT
                      WITH CHECK (${holds('protection:handle')} AND app_child_reachable(child_id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`DROP POLICY child_update ON child`);
    const inArea = `(app_in_area(household_region_code, household_township_code, household_village_code)
      OR app_in_area(residence_region_code, residence_township_code, residence_village_code))`;
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING (${inArea} ${CHILD_SCHOOL_AND_PARTNER_REACH})`);
    await db.query(`CREATE POLICY child_update ON child FOR UPDATE USING (${inArea}) WITH CHECK (${inArea})`);
    await db.query(`DROP VIEW child_risk_status`);
    await db.query(`DROP FUNCTION child_in_difficulty(uuid, date)`);
    await db.query(`
      CREATE OR REPLACE VIEW child_classification WITH (security_invoker = true) AS
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
    await db.query(`DROP FUNCTION child_left_behind(uuid, date)`);
    for (const table of [
      'protection_report_step',
      'protection_report',
      'file_review',
      'reentrustment_notice',
      'guardianship_verification',
      'benefit',
      'difficulty_category',
    ])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP FUNCTION app_child_reachable(uuid)`);
    // Only the latest version of each guardianship fits the old one-row-per-child table.
    await db.query(`DELETE FROM guardianship g WHERE g.version < (SELECT max(version) FROM guardianship l WHERE l.child_id = g.child_id)`);
    await db.query(`ALTER TABLE guardianship DROP CONSTRAINT guardianship_pkey`);
    await db.query(`ALTER TABLE guardianship ADD PRIMARY KEY (child_id)`);
    await db.query(`ALTER TABLE guardianship DROP COLUMN since, DROP COLUMN reported_to_village_on, DROP COLUMN reported_to_school_on`);
    await db.query(`
      ALTER TABLE child DROP CONSTRAINT child_archived_with_reason, DROP COLUMN child_director_id, DROP COLUMN child_supervisor_id,
                        DROP COLUMN last_reviewed_on, DROP COLUMN last_reviewed_by, DROP COLUMN archive_reason`);
    await db.query(`DROP TABLE care_worker`);
  }
}
