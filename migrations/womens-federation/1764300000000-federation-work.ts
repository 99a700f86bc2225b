import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropSetSql, ENROLMENT_FEED_TABLES_SQL, subscribeSetSql } from '../shared/1764100000000-published-sets.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

/**
 * The federation's whole job (issue 12): pairings end with a reason and helpers have an employer or
 * occupation (单位（职业）); children's homes (儿童之家) with their managers; activities (at a
 * children's home, family-education sessions for parents and guardians, a partner's programme
 * activities and visits) with attendance; and the parent contact log (亲情电话), kept by schools for
 * their pupils as well as by the federation and its partners. Schools are reached through
 * education's enrolment set, now subscribed here.
 */
export class FederationWork1764300000000 implements MigrationInterface {
  name = 'FederationWork1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE pairing ADD COLUMN helper_occupation text CHECK (char_length(helper_occupation) <= 50),
                          ADD COLUMN end_reason text CHECK (char_length(end_reason) <= 200),
                          ADD COLUMN version integer NOT NULL DEFAULT 1`);

    // Education's enrolment set: which school each child is at now.
    for (const sql of ENROLMENT_FEED_TABLES_SQL) await db.query(sql);
    for (const sql of subscribeSetSql(
      'enrolment_feed',
      'enrolment',
      APP,
      `school_id::text = ANY (app_list('app.schools')) OR app_in_jurisdiction(school_region_code)`,
    )) {
      await db.query(sql);
    }
    await db.query(`
      CREATE FUNCTION app_school_pupil(p_child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT cardinality(app_list('app.schools')) > 0 AND EXISTS (
          SELECT 1 FROM enrolment_feed.enrolment e
           WHERE e.child_id = p_child AND e.status IN ('ENROLLED', 'SUSPENDED', 'DROPPED_OUT') AND e.school_id::text = ANY (app_list('app.schools')))
      $$`);
    // The registry copy: a school's staff reach their current pupils here too.
    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`
      CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
        app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code) OR app_school_pupil(child_id)
        OR app_partner_reaches(child_id, 'child:masked'))`);

    await db.query(`
      CREATE TABLE childrens_home (
        id            uuid        PRIMARY KEY,
        name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        region_code   char(6)     NOT NULL,
        village       text        CHECK (char_length(village) <= 100),
        manager_name  text        NOT NULL CHECK (char_length(manager_name) BETWEEN 1 AND 50),
        manager_phone text        CHECK (char_length(manager_phone) <= 30),
        opened_on     date        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text        NOT NULL
      )`);
    await db.query(`CREATE INDEX childrens_home_region_idx ON childrens_home (region_code bpchar_pattern_ops, id)`);

    await db.query(`
      CREATE TABLE activity (
        id                uuid        PRIMARY KEY,
        kind              text        NOT NULL CHECK (kind IN ('CHILDRENS_HOME_ACTIVITY', 'FAMILY_EDUCATION', 'PROGRAMME_ACTIVITY', 'HOME_VISIT')),
        title             text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        held_on           date        NOT NULL,
        region_code       char(6)     NOT NULL,
        childrens_home_id uuid        REFERENCES childrens_home (id),
        programme_id      uuid        REFERENCES programme (id),
        partner_id        uuid        REFERENCES partner_organization (id),
        led_by            text        NOT NULL CHECK (char_length(led_by) BETWEEN 1 AND 100),
        notes             text        CHECK (char_length(notes) <= 2000),
        created_at        timestamptz NOT NULL DEFAULT now(),
        created_by        text        NOT NULL,
        CHECK (kind <> 'CHILDRENS_HOME_ACTIVITY' OR childrens_home_id IS NOT NULL),
        CHECK (partner_id IS NULL OR programme_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX activity_home_idx ON activity (childrens_home_id, held_on DESC) WHERE childrens_home_id IS NOT NULL`);
    await db.query(`CREATE INDEX activity_programme_idx ON activity (programme_id, held_on DESC) WHERE programme_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE activity_attendance (
        activity_id   uuid NOT NULL REFERENCES activity (id),
        child_id      uuid NOT NULL,
        attendee      text NOT NULL CHECK (attendee IN ('CHILD', 'FATHER', 'MOTHER', 'GUARDIAN')),
        attendee_name text CHECK (char_length(attendee_name) <= 50),
        PRIMARY KEY (activity_id, child_id, attendee)
      )`);
    await db.query(`CREATE INDEX activity_attendance_child_idx ON activity_attendance (child_id)`);

    await db.query(`
      CREATE TABLE parent_contact (
        id           uuid        PRIMARY KEY,
        child_id     uuid        NOT NULL,
        contacted_on date        NOT NULL,
        channel      text        NOT NULL CHECK (channel IN ('PHONE', 'VIDEO')),
        parent       text        NOT NULL CHECK (parent IN ('FATHER', 'MOTHER', 'BOTH')),
        arranged_by  text        NOT NULL CHECK (arranged_by IN ('SCHOOL', 'WOMENS_FEDERATION', 'CHILDRENS_HOME', 'PARTNER')),
        school_id    uuid,
        partner_id   uuid        REFERENCES partner_organization (id),
        region_code  char(6)     NOT NULL,
        minutes      smallint    CHECK (minutes BETWEEN 1 AND 600),
        notes        text        CHECK (char_length(notes) <= 1000),
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   text        NOT NULL,
        CHECK ((arranged_by = 'SCHOOL') = (school_id IS NOT NULL)),
        CHECK ((arranged_by = 'PARTNER') = (partner_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX parent_contact_child_idx ON parent_contact (child_id, contacted_on DESC)`);

    await db.query(`GRANT SELECT, INSERT, UPDATE ON childrens_home, activity, activity_attendance, parent_contact TO ${APP}`);
    await db.query(`ALTER TABLE childrens_home ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY childrens_home_directory ON childrens_home FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY childrens_home_insert ON childrens_home FOR INSERT WITH CHECK (app_in_jurisdiction(region_code::text))`);
    await db.query(
      `CREATE POLICY childrens_home_update ON childrens_home FOR UPDATE USING (app_in_jurisdiction(region_code::text)) WITH CHECK (app_in_jurisdiction(region_code::text))`,
    );
    // Activities: the jurisdiction's, or a partner's own; a partner sees and records attendance of
    // the children whose guardians consented to share programme data with it.
    const activityReachable = `app_in_jurisdiction(region_code::text) OR partner_id::text = app_setting('app.partner')`;
    await db.query(`ALTER TABLE activity ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY activity_reachable ON activity USING (${activityReachable}) WITH CHECK (${activityReachable})`);
    const attendanceReachable = `EXISTS (SELECT 1 FROM activity a WHERE a.id = activity_attendance.activity_id AND (app_in_jurisdiction(a.region_code::text)
      OR (a.partner_id::text = app_setting('app.partner') AND app_partner_consents(activity_attendance.child_id, 'wf:programmes'))))`;
    await db.query(`ALTER TABLE activity_attendance ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY activity_attendance_reachable ON activity_attendance USING (${attendanceReachable}) WITH CHECK (${attendanceReachable})`);
    // Parent contacts: the jurisdiction's; a school's current pupils'; a partner's own, with consent.
    const partnerOwn = `(partner_id::text = app_setting('app.partner') AND app_partner_consents(child_id, 'wf:programmes'))`;
    await db.query(`ALTER TABLE parent_contact ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY parent_contact_reachable ON parent_contact
        USING (app_in_jurisdiction(region_code::text) OR app_school_pupil(child_id) OR ${partnerOwn})
        WITH CHECK (app_in_jurisdiction(region_code::text) OR (school_id::text = ANY (app_list('app.schools')) AND app_school_pupil(child_id)) OR ${partnerOwn})`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['parent_contact', 'activity_attendance', 'activity', 'childrens_home']) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP POLICY child_read ON registry_feed.child`);
    await db.query(`
      CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
        app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code) OR app_partner_reaches(child_id, 'child:masked'))`);
    await db.query(`DROP FUNCTION app_school_pupil(uuid)`);
    for (const sql of dropSetSql('enrolment_feed')) await db.query(sql);
    await db.query(`ALTER TABLE pairing DROP COLUMN helper_occupation, DROP COLUMN end_reason, DROP COLUMN version`);
  }
}
