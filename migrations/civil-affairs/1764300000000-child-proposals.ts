import type { MigrationInterface, QueryRunner } from 'typeorm';
import { publishSetSql, subscribeSetSql } from '../shared/1764100000000-published-sets.sql';
import { PROPOSAL_FEED_TABLES_SQL, PROPOSAL_REVIEW_FEED_TABLES_SQL } from '../shared/1764300000000-school-filing-sets.sql';

/** The roles as named when this migration was written. */
const APP = 'civil_affairs_app';
const FEED = 'civil_affairs_feed';

/**
 * Filing by schools (建档申报, the MCA flow of entry, review and approval): civil affairs
 * subscribes to education's pending proposals, readable by the reviewers of the child's county;
 * its review (accept: the child is registered through the national-ID de-duplication, or linked to
 * a file the registry already holds; reject: with a reason) is its own record, published back to
 * education. A proposal is reviewed once.
 */
export class ChildProposals1764300000000 implements MigrationInterface {
  name = 'ChildProposals1764300000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of PROPOSAL_FEED_TABLES_SQL) await db.query(sql);
    const inJurisdiction = `app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)`;
    for (const sql of subscribeSetSql('proposal_feed', 'proposal', APP, inJurisdiction)) await db.query(sql);

    await db.query(`
      CREATE TABLE child_proposal_review (
        proposal_id           uuid        PRIMARY KEY,
        decision              text        NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
        child_id              uuid        REFERENCES child (id),
        already_registered    boolean     NOT NULL,
        reason                text        CHECK (char_length(reason) <= 500),
        household_region_code char(6)     NOT NULL,
        residence_region_code char(6)     NOT NULL,
        reviewed_by           text        NOT NULL,
        reviewed_at           timestamptz NOT NULL DEFAULT now(),
        CHECK ((decision = 'ACCEPTED') = (child_id IS NOT NULL)),
        CHECK (decision = 'ACCEPTED' OR reason IS NOT NULL)
      )`);
    await db.query(`GRANT SELECT, INSERT ON child_proposal_review TO ${APP}`);
    await db.query(`ALTER TABLE child_proposal_review ENABLE ROW LEVEL SECURITY`);
    const reviewInJurisdiction = `app_in_jurisdiction(residence_region_code::text) OR app_in_jurisdiction(household_region_code::text)`;
    await db.query(
      `CREATE POLICY child_proposal_review_of_jurisdiction ON child_proposal_review USING (${reviewInJurisdiction}) WITH CHECK (${reviewInJurisdiction})`,
    );

    for (const sql of PROPOSAL_REVIEW_FEED_TABLES_SQL) await db.query(sql);
    await db.query(`
      CREATE FUNCTION proposal_review_feed.refresh(p_proposals uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        INSERT INTO proposal_review_feed.review (proposal_id, decision, child_id, already_registered, reason, reviewed_at)
        SELECT r.proposal_id, r.decision, r.child_id, r.already_registered, r.reason, r.reviewed_at
          FROM child_proposal_review r
         WHERE p_proposals IS NULL OR r.proposal_id = ANY (p_proposals)
        ON CONFLICT (proposal_id) DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    await db.query(`
      CREATE FUNCTION proposal_review_feed.review_recorded() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM proposal_review_feed.refresh(ARRAY(SELECT proposal_id FROM changed));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER child_proposal_review_to_feed AFTER INSERT ON child_proposal_review REFERENCING NEW TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_feed.review_recorded()`);
    for (const sql of publishSetSql('proposal_review_feed', ['review', 'heartbeat'], 'civil-affairs', FEED, APP)) await db.query(sql);
    await db.query(`REVOKE ALL ON FUNCTION proposal_review_feed.refresh(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION proposal_review_feed.refresh(uuid[]) TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER child_proposal_review_to_feed ON child_proposal_review`);
    for (const schema of ['proposal_review_feed', 'proposal_feed']) {
      await db.query(`DROP PUBLICATION IF EXISTS ${schema}`);
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
    }
    await db.query(`DROP TABLE child_proposal_review`);
  }
}
