import type { MigrationInterface, QueryRunner } from 'typeorm';
import { publishSetSql, subscribeSetSql } from '../shared/1764100000000-published-sets.sql';
import { PROPOSAL_FEED_TABLES_SQL, PROPOSAL_REVIEW_FEED_TABLES_SQL } from '../shared/1764300000000-school-filing-sets.sql';

/** The roles as named when this migration was written. */
const APP = 'education_app';
const FEED = 'education_feed';

/** The school records that follow the child: reached through the child's current school. */
const CHILD_RECORD_TABLES = [
  'absence',
  'dropout_case',
  'persuasion',
  'dropout_escalation',
  'home_visit',
  'academic_support',
  'boarding_leave',
  'aid_grant',
  'file_check',
];
/** The most sensitive: also bound to the request's scopes, so no code path without edu:wellbeing reads a row. */
const WELLBEING_TABLES = ['wellbeing_screening', 'wellbeing_intervention', 'wellbeing_contact'];

const created = `created_at timestamptz NOT NULL DEFAULT now(), created_by text NOT NULL`;

/**
 * The school's whole job (issue 12): enrolment life (suspension, dropout, graduation; a transfer
 * hands the records and the care assignment to the new school), attendance and the dropout ledger
 * (控辍保学) with its escalation rule, home visits, academic support, boarders' leave, wellbeing,
 * aid, term sweeps, enrolment notices, and proposals to file a child with the registry, published
 * to civil affairs, whose review comes back through a set it publishes.
 *
 * A child's education records belong to the school of its latest enrolment (`child_school`): the
 * new school reaches them after a transfer, the old one no longer does, for talks too.
 */
export class SchoolWork1764300000000 implements MigrationInterface {
  name = 'SchoolWork1764300000000';

  async up(db: QueryRunner): Promise<void> {
    // Enrolment life: suspension (休学) keeps the place; a child has one open enrolment at a time.
    await db.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_status_check`);
    await db.query(
      `ALTER TABLE enrolment ADD CONSTRAINT enrolment_status_check CHECK (status IN ('ENROLLED', 'SUSPENDED', 'TRANSFERRED', 'DROPPED_OUT', 'GRADUATED'))`,
    );
    await db.query(`ALTER TABLE enrolment ADD COLUMN status_changed_on date, ADD COLUMN status_reason text CHECK (char_length(status_reason) <= 200)`);
    await db.query(`DROP INDEX enrolment_current_key`);
    await db.query(`CREATE UNIQUE INDEX enrolment_open_key ON enrolment (child_id) WHERE status IN ('ENROLLED', 'SUSPENDED')`);

    // The school a child's records belong to: that of its open enrolment, else its latest one.
    // Read past row security (SECURITY DEFINER), so a policy can compare it with the caller's schools.
    await db.query(`
      CREATE FUNCTION child_school(p_child uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT school_id FROM enrolment WHERE child_id = p_child
         ORDER BY (status IN ('ENROLLED', 'SUSPENDED')) DESC, coalesce(ended_on, enrolled_on) DESC, created_at DESC LIMIT 1
      $$`);
    // Whether the child has an open enrolment anywhere (a county must not take a pupil of another county's school for unenrolled).
    await db.query(`
      CREATE FUNCTION child_enrolled(p_child uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM enrolment WHERE child_id = p_child AND status IN ('ENROLLED', 'SUSPENDED'))
      $$`);
    await db.query(`
      CREATE FUNCTION app_school_reachable(p_school uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM school s WHERE s.id = p_school
                          AND (app_in_jurisdiction(s.region_code::text) OR s.id::text = ANY (app_list('app.schools'))))
      $$`);
    await db.query(`
      CREATE FUNCTION app_child_records_reachable(p_child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT app_school_reachable(child_school(p_child))
      $$`);
    // A transfer ends the child's open enrolment wherever it is: the receiving school may not see the
    // old one's rows, and the records must follow the child.
    await db.query(`
      CREATE FUNCTION transfer_out(p_child uuid, p_on date) RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_school uuid;
      BEGIN
        UPDATE enrolment SET status = 'TRANSFERRED', ended_on = p_on, status_changed_on = p_on, version = version + 1
         WHERE child_id = p_child AND status IN ('ENROLLED', 'SUSPENDED')
        RETURNING school_id INTO v_school;
        RETURN v_school;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION transfer_out(uuid, date) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION transfer_out(uuid, date) TO ${APP}`);
    // A care assignment ends when the child leaves the school (transfer, dropout, graduation).
    await db.query(`
      CREATE FUNCTION enrolment_left_school() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE care_assignment SET ended_on = greatest(assigned_on, coalesce(NEW.ended_on, current_date))
         WHERE child_id = NEW.child_id AND school_id = NEW.school_id AND ended_on IS NULL;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER enrolment_left_school AFTER UPDATE OF status ON enrolment FOR EACH ROW
        WHEN (OLD.status IN ('ENROLLED', 'SUSPENDED') AND NEW.status IN ('TRANSFERRED', 'DROPPED_OUT', 'GRADUATED'))
        EXECUTE FUNCTION enrolment_left_school()`);

    // Talks, care assignments and enrolments follow the child: the old school no longer reads or
    // writes them. This refines the ended-links rule of 1764150000001 (school staff reached a
    // child's records only while it was ENROLLED there): a school keeps its suspended and
    // dropped-out pupils, whom it must persuade back (控辍保学).
    await db.query(`
      CREATE OR REPLACE FUNCTION app_current_school_reachable(p_child uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT app_child_records_reachable(p_child)
      $$`);
    await db.query(`DROP POLICY talk_of_current_school ON talk`);
    await db.query(
      `CREATE POLICY talk_of_childs_school ON talk USING (app_child_records_reachable(child_id)) WITH CHECK (app_child_records_reachable(child_id))`,
    );
    for (const suffix of ['read', 'insert', 'update']) await db.query(`DROP POLICY care_assignment_${suffix} ON care_assignment`);
    await db.query(`
      CREATE POLICY care_assignment_of_childs_school ON care_assignment USING (app_school_reachable(school_id))
        WITH CHECK (app_school_reachable(school_id) AND school_id = child_school(child_id))`);
    // The registry copy: a school reaches its current pupils, no longer those who left.
    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`
      CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
        app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)
        OR app_child_records_reachable(child_id)
        OR EXISTS (SELECT 1 FROM partner_feed.child_grant g
                    WHERE g.child_id = child.child_id AND g.purpose = app_setting('app.purpose') AND current_date <= g.valid_until))`);

    // Attendance and the dropout ledger (控辍保学, 一人一案).
    await db.query(`
      CREATE TABLE absence (
        id         uuid    PRIMARY KEY,
        child_id   uuid    NOT NULL,
        school_id  uuid    NOT NULL REFERENCES school (id),
        absent_on  date    NOT NULL,
        excused    boolean NOT NULL,
        reason     text    CHECK (char_length(reason) <= 200),
        version    integer NOT NULL DEFAULT 1,
        ${created}
      )`);
    await db.query(`CREATE UNIQUE INDEX absence_child_day_key ON absence (child_id, absent_on)`);
    await db.query(`
      CREATE TABLE dropout_case (
        id           uuid    PRIMARY KEY,
        child_id     uuid    NOT NULL,
        school_id    uuid    NOT NULL REFERENCES school (id),
        cause        text    NOT NULL CHECK (cause IN ('UNEXCUSED_ABSENCE', 'DROPPED_OUT')),
        absent_since date    NOT NULL,
        opened_on    date    NOT NULL,
        closed_on    date,
        outcome      text    CHECK (outcome IN ('RETURNED', 'TRANSFERRED', 'OTHER')),
        closing_note text    CHECK (char_length(closing_note) <= 500),
        version      integer NOT NULL DEFAULT 1,
        ${created},
        CHECK ((closed_on IS NULL) = (outcome IS NULL)),
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX dropout_case_open_key ON dropout_case (child_id) WHERE closed_on IS NULL`);
    await db.query(`CREATE INDEX dropout_case_child_idx ON dropout_case (child_id, opened_on DESC)`);
    await db.query(`
      CREATE TABLE persuasion (
        id           uuid PRIMARY KEY,
        case_id      uuid NOT NULL REFERENCES dropout_case (id),
        child_id     uuid NOT NULL,
        attempted_on date NOT NULL,
        persuader    text NOT NULL CHECK (persuader IN ('SCHOOL', 'TOWNSHIP', 'VILLAGE', 'OTHER')),
        persuaded_by text NOT NULL CHECK (char_length(persuaded_by) BETWEEN 1 AND 100),
        outcome      text NOT NULL CHECK (outcome IN ('RETURNED', 'FAILED', 'WHEREABOUTS_UNKNOWN')),
        note         text CHECK (char_length(note) <= 1000),
        ${created}
      )`);
    await db.query(`CREATE INDEX persuasion_case_idx ON persuasion (case_id, attempted_on)`);
    await db.query(`
      CREATE TABLE dropout_escalation (
        id          uuid PRIMARY KEY,
        case_id     uuid NOT NULL REFERENCES dropout_case (id),
        child_id    uuid NOT NULL,
        target      text NOT NULL CHECK (target IN ('TOWNSHIP_GOVERNMENT', 'COUNTY_BUREAU', 'POLICE')),
        reported_on date NOT NULL,
        reported_by text NOT NULL CHECK (char_length(reported_by) BETWEEN 1 AND 100),
        note        text CHECK (char_length(note) <= 1000),
        ${created}
      )`);
    await db.query(`CREATE UNIQUE INDEX dropout_escalation_case_target_key ON dropout_escalation (case_id, target)`);
    // The escalation rule (seed 004; seed 002 for dropouts), in one place: unexcused absence of more
    // than a week (or a dropout) after two failed persuasions by the school goes to the township
    // government with a written report to the county bureau; unknown whereabouts go to the township
    // and the police. `due` is what is required and not yet reported.
    await db.query(`
      CREATE VIEW dropout_case_escalation WITH (security_invoker = true) AS
      SELECT g.case_id, g.unexcused_days, g.failed_school_persuasions, g.whereabouts_unknown, g.required,
             ARRAY(SELECT t FROM unnest(g.required) AS t WHERE t <> ALL (g.reported) ORDER BY t) AS due
        FROM (
          SELECT f.*,
                 ARRAY(SELECT DISTINCT t FROM unnest(
                   CASE WHEN f.whereabouts_unknown THEN ARRAY['TOWNSHIP_GOVERNMENT', 'POLICE'] ELSE '{}'::text[] END
                   || CASE WHEN f.failed_school_persuasions >= 2 AND (f.cause = 'DROPPED_OUT' OR f.unexcused_days > 7)
                           THEN ARRAY['TOWNSHIP_GOVERNMENT', 'COUNTY_BUREAU'] ELSE '{}'::text[] END) AS t ORDER BY t) AS required
            FROM (
              SELECT c.id AS case_id, c.cause,
                     (SELECT count(*) FROM absence a
                       WHERE a.child_id = c.child_id AND NOT a.excused AND a.absent_on >= c.absent_since
                         AND (c.closed_on IS NULL OR a.absent_on <= c.closed_on))::int AS unexcused_days,
                     (SELECT count(*) FROM persuasion p WHERE p.case_id = c.id AND p.persuader = 'SCHOOL' AND p.outcome = 'FAILED')::int
                       AS failed_school_persuasions,
                     EXISTS (SELECT 1 FROM persuasion p WHERE p.case_id = c.id AND p.outcome = 'WHEREABOUTS_UNKNOWN') AS whereabouts_unknown,
                     ARRAY(SELECT e.target FROM dropout_escalation e WHERE e.case_id = c.id) AS reported
                FROM dropout_case c) f) g`);

    // Care beyond talks: home visits (家访), academic support, boarders' leave (seed 004).
    await db.query(`
      CREATE TABLE home_visit (
        id         uuid PRIMARY KEY,
        child_id   uuid NOT NULL,
        school_id  uuid NOT NULL REFERENCES school (id),
        visited_on date NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('HOME_VISIT', 'HOLIDAY_SAFETY', 'SWEEP_VERIFICATION')),
        visitors   text NOT NULL CHECK (char_length(visitors) BETWEEN 1 AND 100),
        findings   text CHECK (char_length(findings) <= 2000),
        ${created}
      )`);
    await db.query(`CREATE INDEX home_visit_child_idx ON home_visit (child_id, visited_on DESC)`);
    await db.query(`
      CREATE TABLE academic_support (
        id         uuid PRIMARY KEY,
        child_id   uuid NOT NULL,
        school_id  uuid NOT NULL REFERENCES school (id),
        subject    text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 30),
        difficulty text NOT NULL CHECK (char_length(difficulty) BETWEEN 1 AND 500),
        tutor      text NOT NULL CHECK (char_length(tutor) BETWEEN 1 AND 50),
        starts_on  date NOT NULL,
        ends_on    date,
        ${created},
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX academic_support_child_idx ON academic_support (child_id, starts_on DESC)`);
    await db.query(`
      CREATE TABLE boarding_leave (
        id                    uuid        PRIMARY KEY,
        child_id              uuid        NOT NULL,
        school_id             uuid        NOT NULL REFERENCES school (id),
        leaves_on             date        NOT NULL,
        returns_on            date        NOT NULL,
        reason                text        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        guardian_name         text        NOT NULL CHECK (char_length(guardian_name) BETWEEN 1 AND 50),
        guardian_relationship text        NOT NULL CHECK (char_length(guardian_relationship) BETWEEN 1 AND 30),
        checked_via           text        NOT NULL CHECK (checked_via IN ('PHONE', 'VIDEO', 'IN_PERSON')),
        checked_at            timestamptz NOT NULL,
        approved_by           text        NOT NULL CHECK (char_length(approved_by) BETWEEN 1 AND 50),
        ${created},
        CHECK (returns_on >= leaves_on)
      )`);
    await db.query(`CREATE INDEX boarding_leave_child_idx ON boarding_leave (child_id, leaves_on DESC)`);

    // Wellbeing (心理健康): screenings, interventions, and the contact a serious risk requires.
    await db.query(`
      CREATE TABLE wellbeing_screening (
        id          uuid PRIMARY KEY,
        child_id    uuid NOT NULL,
        school_id   uuid NOT NULL REFERENCES school (id),
        screened_on date NOT NULL,
        instrument  text NOT NULL CHECK (char_length(instrument) BETWEEN 1 AND 50),
        risk_level  text NOT NULL CHECK (risk_level IN ('NONE', 'MILD', 'MODERATE', 'SERIOUS')),
        screened_by text NOT NULL CHECK (char_length(screened_by) BETWEEN 1 AND 50),
        notes       text CHECK (char_length(notes) <= 2000),
        ${created}
      )`);
    await db.query(`CREATE INDEX wellbeing_screening_child_idx ON wellbeing_screening (child_id, screened_on DESC)`);
    await db.query(`CREATE INDEX wellbeing_screening_serious_idx ON wellbeing_screening (screened_on) WHERE risk_level = 'SERIOUS'`);
    await db.query(`
      CREATE TABLE wellbeing_intervention (
        id           uuid PRIMARY KEY,
        child_id     uuid NOT NULL,
        school_id    uuid NOT NULL REFERENCES school (id),
        screening_id uuid REFERENCES wellbeing_screening (id),
        started_on   date NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('INDIVIDUAL_COUNSELLING', 'GROUP_COUNSELLING', 'REFERRAL', 'OTHER')),
        provided_by  text NOT NULL CHECK (char_length(provided_by) BETWEEN 1 AND 50),
        notes        text CHECK (char_length(notes) <= 2000),
        ${created}
      )`);
    await db.query(`CREATE INDEX wellbeing_intervention_child_idx ON wellbeing_intervention (child_id, started_on DESC)`);
    await db.query(`
      CREATE TABLE wellbeing_contact (
        id             uuid PRIMARY KEY,
        child_id       uuid NOT NULL,
        screening_id   uuid NOT NULL REFERENCES wellbeing_screening (id),
        contacted_on   date NOT NULL,
        contacted_name text NOT NULL CHECK (char_length(contacted_name) BETWEEN 1 AND 50),
        relationship   text NOT NULL CHECK (char_length(relationship) BETWEEN 1 AND 30),
        channel        text NOT NULL CHECK (channel IN ('PHONE', 'VIDEO', 'IN_PERSON')),
        contacted_by   text NOT NULL CHECK (char_length(contacted_by) BETWEEN 1 AND 50),
        notes          text CHECK (char_length(notes) <= 2000),
        ${created}
      )`);
    await db.query(`CREATE INDEX wellbeing_contact_screening_idx ON wellbeing_contact (screening_id)`);

    // Aid (资助), per term; term sweeps' file checks; the county's enrolment notices (入学通知书).
    await db.query(`
      CREATE TABLE aid_grant (
        id          uuid          PRIMARY KEY,
        child_id    uuid          NOT NULL,
        school_id   uuid          NOT NULL REFERENCES school (id),
        term_year   smallint      NOT NULL CHECK (term_year BETWEEN 2000 AND 2100),
        term_season text          NOT NULL CHECK (term_season IN ('SPRING', 'AUTUMN')),
        kind        text          NOT NULL CHECK (kind IN ('BOARDING_LIVING_ALLOWANCE', 'FREE_TEXTBOOKS', 'MEAL_FEE_WAIVER', 'BOARDING_FEE_WAIVER',
                                                          'AFTER_SCHOOL_FEE_WAIVER', 'NUTRITION_PROGRAMME')),
        amount      numeric(10,2) CHECK (amount >= 0),
        granted_on  date          NOT NULL,
        ${created}
      )`);
    await db.query(`CREATE UNIQUE INDEX aid_grant_child_term_kind_key ON aid_grant (child_id, term_year, term_season, kind)`);
    await db.query(`
      CREATE TABLE file_check (
        id          uuid PRIMARY KEY,
        child_id    uuid NOT NULL,
        school_id   uuid NOT NULL REFERENCES school (id),
        term_year   smallint NOT NULL CHECK (term_year BETWEEN 2000 AND 2100),
        term_season text NOT NULL CHECK (term_season IN ('SPRING', 'AUTUMN')),
        checked_on  date NOT NULL,
        checked_by  text NOT NULL CHECK (char_length(checked_by) BETWEEN 1 AND 50),
        findings    text CHECK (char_length(findings) <= 2000),
        ${created}
      )`);
    await db.query(`CREATE UNIQUE INDEX file_check_child_term_key ON file_check (child_id, term_year, term_season)`);
    await db.query(`CREATE INDEX file_check_school_term_idx ON file_check (school_id, term_year, term_season)`);
    await db.query(`
      CREATE TABLE enrolment_notice (
        id          uuid    PRIMARY KEY,
        child_id    uuid    NOT NULL,
        region_code char(6) NOT NULL,
        school_id   uuid    NOT NULL REFERENCES school (id),
        issued_on   date    NOT NULL,
        report_by   date,
        note        text    CHECK (char_length(note) <= 500),
        ${created},
        CHECK (report_by IS NULL OR report_by >= issued_on)
      )`);
    await db.query(`CREATE INDEX enrolment_notice_child_idx ON enrolment_notice (child_id, issued_on DESC)`);

    // A school's proposal to file a child with the registry (建档申报, the facts of seed 003's form).
    // Once civil affairs has decided, the identity and family facts are erased here: the registry holds them.
    await db.query(`
      CREATE TABLE child_proposal (
        id                    uuid        PRIMARY KEY,
        child_id              uuid        NOT NULL,
        school_id             uuid        NOT NULL REFERENCES school (id),
        status                text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        name                  text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        gender                text        NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        class_name            text        CHECK (char_length(class_name) <= 30),
        birth_date            date,
        ethnicity             text        CHECK (char_length(ethnicity) <= 20),
        national_id           text        CHECK (char_length(national_id) = 18),
        household_region_code char(6)     NOT NULL,
        household_village     text        CHECK (char_length(household_village) <= 100),
        residence_region_code char(6)     NOT NULL,
        residence_village     text        CHECK (char_length(residence_village) <= 100),
        father                jsonb,
        mother                jsonb,
        guardian              jsonb,
        concerns              text        CHECK (char_length(concerns) <= 1000),
        already_registered    boolean,
        decision_reason       text,
        decided_at            timestamptz,
        ${created},
        CHECK (status <> 'PENDING' OR birth_date IS NOT NULL),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    // One pending proposal per national ID, whichever school made it.
    await db.query(
      `CREATE UNIQUE INDEX child_proposal_pending_national_id_key ON child_proposal (national_id) WHERE status = 'PENDING' AND national_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX child_proposal_school_idx ON child_proposal (school_id, id)`);

    await db.query(
      `GRANT SELECT, INSERT, UPDATE ON ${[...CHILD_RECORD_TABLES, ...WELLBEING_TABLES, 'enrolment_notice', 'child_proposal'].join(', ')} TO ${APP}`,
    );
    await db.query(`GRANT SELECT ON dropout_case_escalation TO ${APP}`);
    for (const table of CHILD_RECORD_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_of_childs_school ON ${table} USING (app_child_records_reachable(child_id)) WITH CHECK (app_child_records_reachable(child_id))`,
      );
    }
    for (const table of WELLBEING_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY ${table}_of_childs_school ON ${table}
          USING (app_child_records_reachable(child_id) AND 'edu:wellbeing' = ANY (app_list('app.scopes')))
          WITH CHECK (app_child_records_reachable(child_id) AND 'edu:wellbeing:write' = ANY (app_list('app.scopes')))`);
    }
    await db.query(`ALTER TABLE enrolment_notice ENABLE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY enrolment_notice_of_jurisdiction ON enrolment_notice USING (app_in_jurisdiction(region_code::text)) WITH CHECK (app_in_jurisdiction(region_code::text))`,
    );
    await db.query(`ALTER TABLE child_proposal ENABLE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY child_proposal_of_reachable_school ON child_proposal USING (app_school_reachable(school_id)) WITH CHECK (app_school_reachable(school_id))`,
    );

    // Publishing pending proposals to civil affairs: a proposal's facts never change while it waits,
    // and it leaves the set once decided.
    for (const sql of PROPOSAL_FEED_TABLES_SQL) await db.query(sql);
    await db.query(`
      CREATE FUNCTION proposal_feed.refresh(p_proposals uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        DELETE FROM proposal_feed.proposal f
         WHERE (p_proposals IS NULL OR f.proposal_id = ANY (p_proposals))
           AND NOT EXISTS (SELECT 1 FROM child_proposal p WHERE p.id = f.proposal_id AND p.status = 'PENDING');
        INSERT INTO proposal_feed.proposal (proposal_id, child_id, school_id, school_region_code, name, gender, birth_date, ethnicity, national_id,
                                            household_region_code, household_village, residence_region_code, residence_village, class_name,
                                            father, mother, guardian, concerns, submitted_at)
        SELECT p.id, p.child_id, p.school_id, s.region_code::text, p.name, p.gender, p.birth_date, p.ethnicity, p.national_id,
               p.household_region_code::text, p.household_village, p.residence_region_code::text, p.residence_village, p.class_name,
               p.father, p.mother, p.guardian, p.concerns, p.created_at
          FROM child_proposal p JOIN school s ON s.id = p.school_id
         WHERE p.status = 'PENDING' AND (p_proposals IS NULL OR p.id = ANY (p_proposals))
        ON CONFLICT (proposal_id) DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    await db.query(`
      CREATE FUNCTION proposal_feed.proposal_changed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM proposal_feed.refresh(ARRAY(SELECT id FROM changed));
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE']) {
      await db.query(`CREATE TRIGGER child_proposal_${event.toLowerCase()}_to_proposal_feed AFTER ${event} ON child_proposal REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION proposal_feed.proposal_changed()`);
    }
    for (const sql of publishSetSql('proposal_feed', ['proposal', 'heartbeat'], 'education', FEED, APP)) await db.query(sql);
    await db.query(`REVOKE ALL ON FUNCTION proposal_feed.refresh(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION proposal_feed.refresh(uuid[]) TO ${APP}`);

    // The reviews civil affairs publishes: each one, as it arrives by replication, settles the
    // proposal, erases the facts the registry now holds, and takes it out of the proposal set. The
    // apply worker fires only triggers enabled ALWAYS, and no other trigger within them.
    for (const sql of PROPOSAL_REVIEW_FEED_TABLES_SQL) await db.query(sql);
    for (const sql of subscribeSetSql('proposal_review_feed', 'review', APP, `EXISTS (SELECT 1 FROM child_proposal p WHERE p.id = review.proposal_id)`)) {
      await db.query(sql);
    }
    await db.query(`
      CREATE FUNCTION proposal_review_feed.review_arrived() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE child_proposal
           SET status = NEW.decision, child_id = coalesce(NEW.child_id, child_id), already_registered = NEW.already_registered,
               decision_reason = NEW.reason, decided_at = NEW.reviewed_at,
               birth_date = NULL, ethnicity = NULL, national_id = NULL, household_village = NULL, residence_village = NULL,
               father = NULL, mother = NULL, guardian = NULL, concerns = NULL
         WHERE id = NEW.proposal_id AND status = 'PENDING';
        DELETE FROM proposal_feed.proposal WHERE proposal_id = NEW.proposal_id;
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER review_arrived AFTER INSERT OR UPDATE ON proposal_review_feed.review FOR EACH ROW EXECUTE FUNCTION proposal_review_feed.review_arrived()`,
    );
    await db.query(`ALTER TABLE proposal_review_feed.review ENABLE ALWAYS TRIGGER review_arrived`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const schema of ['proposal_review_feed', 'proposal_feed']) {
      await db.query(`DROP PUBLICATION IF EXISTS ${schema}`);
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
    }
    await db.query(`DROP VIEW dropout_case_escalation`);
    for (const table of [
      'child_proposal',
      'enrolment_notice',
      'file_check',
      'aid_grant',
      'wellbeing_contact',
      'wellbeing_intervention',
      'wellbeing_screening',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    for (const table of ['boarding_leave', 'academic_support', 'home_visit', 'dropout_escalation', 'persuasion', 'dropout_case', 'absence']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`
      CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
        app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)
        OR EXISTS (SELECT 1 FROM enrolment e WHERE e.child_id = child.child_id)
        OR EXISTS (SELECT 1 FROM partner_feed.child_grant g
                    WHERE g.child_id = child.child_id AND g.purpose = app_setting('app.purpose') AND current_date <= g.valid_until))`);
    // Back to the ended-links rule of 1764150000001.
    await db.query(`DROP POLICY care_assignment_of_childs_school ON care_assignment`);
    const schoolReachable = `EXISTS (SELECT 1 FROM school s WHERE s.id = care_assignment.school_id
        AND (app_in_jurisdiction(s.region_code::text) OR s.id::text = ANY (app_list('app.schools'))))`;
    await db.query(`CREATE POLICY care_assignment_read ON care_assignment FOR SELECT USING (app_current_school_reachable(child_id))`);
    await db.query(
      `CREATE POLICY care_assignment_insert ON care_assignment FOR INSERT WITH CHECK (${schoolReachable} AND app_current_school_reachable(child_id))`,
    );
    await db.query(
      `CREATE POLICY care_assignment_update ON care_assignment FOR UPDATE USING (app_current_school_reachable(child_id)) WITH CHECK (app_current_school_reachable(child_id))`,
    );
    await db.query(`DROP POLICY talk_of_childs_school ON talk`);
    await db.query(
      `CREATE POLICY talk_of_current_school ON talk USING (app_current_school_reachable(child_id)) WITH CHECK (app_current_school_reachable(child_id))`,
    );
    await db.query(`
      CREATE OR REPLACE FUNCTION app_current_school_reachable(p_child uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN EXISTS (
          SELECT 1 FROM enrolment_feed.enrolment f
           WHERE f.child_id = p_child
             AND ((f.status = 'ENROLLED' AND f.school_id::text = ANY (app_list('app.schools'))) OR app_in_jurisdiction(f.school_region_code)));
      END $$`);
    await db.query(`DROP TRIGGER enrolment_left_school ON enrolment`);
    await db.query(`DROP FUNCTION enrolment_left_school()`);
    for (const fn of [
      'transfer_out(uuid, date)',
      'app_child_records_reachable(uuid)',
      'app_school_reachable(uuid)',
      'child_enrolled(uuid)',
      'child_school(uuid)',
    ]) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    await db.query(`DROP INDEX enrolment_open_key`);
    await db.query(`CREATE UNIQUE INDEX enrolment_current_key ON enrolment (child_id) WHERE status = 'ENROLLED'`);
    await db.query(`ALTER TABLE enrolment DROP COLUMN status_changed_on, DROP COLUMN status_reason`);
    await db.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_status_check`);
    await db.query(`ALTER TABLE enrolment ADD CONSTRAINT enrolment_status_check CHECK (status IN ('ENROLLED', 'TRANSFERRED', 'DROPPED_OUT', 'GRADUATED'))`);
  }
}
