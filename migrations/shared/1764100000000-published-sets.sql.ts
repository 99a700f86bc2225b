/**
 * FROZEN: the published sets' tables exactly as the migrations of this date created them, in the
 * publisher's database and, identically, in each subscriber's (logical replication matches tables
 * by schema-qualified name and column name). Never edit this file: a change is a new migration,
 * applied to the subscribers' copies before the publisher's. Imports nothing.
 */

/** civil affairs → education, women's federation: the minimum facts about each registered child. */
export const REGISTRY_FEED_TABLES_SQL = [
  `CREATE SCHEMA registry_feed`,
  `CREATE TABLE registry_feed.child (
     child_id              uuid        PRIMARY KEY,
     household_region_code text        NOT NULL,
     residence_region_code text        NOT NULL,
     birth_month           char(7)     NOT NULL,
     left_behind_type      text        NOT NULL,
     is_left_behind        boolean     NOT NULL,
     in_difficulty         boolean     NOT NULL,
     status                text        NOT NULL,
     updated_at            timestamptz NOT NULL
   )`,
  `CREATE INDEX registry_feed_child_residence_idx ON registry_feed.child (residence_region_code text_pattern_ops)`,
  `CREATE TABLE registry_feed.heartbeat (publisher text PRIMARY KEY, beat_at timestamptz NOT NULL)`,
];

/** education → civil affairs: each child's latest enrolment. */
export const ENROLMENT_FEED_TABLES_SQL = [
  `CREATE SCHEMA enrolment_feed`,
  `CREATE TABLE enrolment_feed.enrolment (
     child_id           uuid        PRIMARY KEY,
     school_id          uuid        NOT NULL,
     school_region_code text        NOT NULL,
     status             text        NOT NULL,
     updated_at         timestamptz NOT NULL
   )`,
  `CREATE INDEX enrolment_feed_school_idx ON enrolment_feed.enrolment (school_id)`,
  `CREATE TABLE enrolment_feed.heartbeat (publisher text PRIMARY KEY, beat_at timestamptz NOT NULL)`,
];

/** women's federation → civil affairs, education: which partner may see which child, for what. */
export const PARTNER_FEED_TABLES_SQL = [
  `CREATE SCHEMA partner_feed`,
  `CREATE TABLE partner_feed.child_grant (
     consent_id  uuid   PRIMARY KEY,
     child_id    uuid   NOT NULL,
     partner_id  uuid   NOT NULL,
     purpose     text   NOT NULL,
     categories  text[] NOT NULL,
     valid_until date   NOT NULL
   )`,
  `CREATE INDEX partner_feed_child_grant_child_idx ON partner_feed.child_grant (child_id, partner_id)`,
  `CREATE TABLE partner_feed.heartbeat (publisher text PRIMARY KEY, beat_at timestamptz NOT NULL)`,
];

/**
 * The publisher's side of a set: the publication, what its feed role (the replication connection
 * subscribers use) may read, and `beat()`, which the service calls every few seconds so that
 * subscribers can tell how fresh their copy is.
 */
export function publishSetSql(schema: string, tables: string[], publisher: string, feedRole: string, appRole: string): string[] {
  return [
    `GRANT USAGE ON SCHEMA ${schema} TO ${feedRole}`,
    `GRANT SELECT ON ${tables.map((table) => `${schema}.${table}`).join(', ')} TO ${feedRole}`,
    `CREATE PUBLICATION ${schema} FOR TABLE ${tables.map((table) => `${schema}.${table}`).join(', ')}`,
    `CREATE FUNCTION ${schema}.beat() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
       INSERT INTO ${schema}.heartbeat (publisher, beat_at) VALUES ('${publisher}', clock_timestamp())
       ON CONFLICT (publisher) DO UPDATE SET beat_at = EXCLUDED.beat_at
     $$`,
    `REVOKE ALL ON FUNCTION ${schema}.beat() FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${appRole}`,
    `GRANT EXECUTE ON FUNCTION ${schema}.beat() TO ${appRole}`,
    `SELECT ${schema}.beat()`,
  ];
}

/**
 * The subscriber's side: its application role may read the copy (under row-level security, so a
 * resolver that forgets a filter still sees only its own rows) and never write it; only the
 * subscription, applying as the owner, changes it.
 */
export function subscribeSetSql(schema: string, table: string, appRole: string, readPolicy: string): string[] {
  return [
    `GRANT USAGE ON SCHEMA ${schema} TO ${appRole}`,
    `GRANT SELECT ON ${schema}.${table}, ${schema}.heartbeat TO ${appRole}`,
    `ALTER TABLE ${schema}.${table} ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_read ON ${schema}.${table} FOR SELECT USING (${readPolicy})`,
    `ALTER TABLE ${schema}.heartbeat ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY heartbeat_read ON ${schema}.heartbeat FOR SELECT USING (true)`,
  ];
}

/** Undoes a set's tables and schema (publication and functions go with the schema's CASCADE). */
export function dropSetSql(schema: string): string[] {
  return [`DROP PUBLICATION IF EXISTS ${schema}`, `DROP SCHEMA ${schema} CASCADE`];
}
