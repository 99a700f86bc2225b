/**
 * FROZEN: the filing sets' tables exactly as the migrations of this date created them, in the
 * publisher's database and, identically, in the subscriber's. Never edit this file: a change is a
 * new migration, applied to the subscriber's copy before the publisher's. Imports nothing.
 */

/** education → civil affairs: schools' proposals to file a child (建档申报), while they await review. */
export const PROPOSAL_FEED_TABLES_SQL = [
  `CREATE SCHEMA proposal_feed`,
  `CREATE TABLE proposal_feed.proposal (
     proposal_id           uuid        PRIMARY KEY,
     child_id              uuid        NOT NULL,
     school_id             uuid        NOT NULL,
     school_region_code    text        NOT NULL,
     name                  text        NOT NULL,
     gender                text        NOT NULL,
     birth_date            date        NOT NULL,
     ethnicity             text,
     national_id           text,
     household_region_code text        NOT NULL,
     household_village     text,
     residence_region_code text        NOT NULL,
     residence_village     text,
     class_name            text,
     father                jsonb,
     mother                jsonb,
     guardian              jsonb,
     concerns              text,
     submitted_at          timestamptz NOT NULL
   )`,
  `CREATE INDEX proposal_feed_proposal_residence_idx ON proposal_feed.proposal (residence_region_code text_pattern_ops)`,
  `CREATE TABLE proposal_feed.heartbeat (publisher text PRIMARY KEY, beat_at timestamptz NOT NULL)`,
];

/** civil affairs → education: the outcome of each review. */
export const PROPOSAL_REVIEW_FEED_TABLES_SQL = [
  `CREATE SCHEMA proposal_review_feed`,
  `CREATE TABLE proposal_review_feed.review (
     proposal_id        uuid        PRIMARY KEY,
     decision           text        NOT NULL,
     child_id           uuid,
     already_registered boolean     NOT NULL,
     reason             text,
     reviewed_at        timestamptz NOT NULL
   )`,
  `CREATE TABLE proposal_review_feed.heartbeat (publisher text PRIMARY KEY, beat_at timestamptz NOT NULL)`,
];
