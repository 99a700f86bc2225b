import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropSetSql,
  ENROLMENT_FEED_TABLES_SQL,
  PARTNER_FEED_TABLES_SQL,
  publishSetSql,
  REGISTRY_FEED_TABLES_SQL,
  subscribeSetSql,
} from '../shared/1764100000000-published-sets.sql';

/** The roles as named when this migration was written. */
const APP = 'education_app';
const FEED = 'education_feed';

/**
 * Education publishes the enrolment set (each child's latest enrolment, kept by triggers on
 * enrolment and school) and subscribes to the registry set and the partner grants. Its copy of the
 * registry is readable by the same row rules as its own data: children of the caller's
 * jurisdiction, children with an enrolment the caller reaches, a partner's granted children.
 */
export class PublishedSets1764100000000 implements MigrationInterface {
  name = 'PublishedSets1764100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of ENROLMENT_FEED_TABLES_SQL) await db.query(sql);
    await db.query(`
      CREATE FUNCTION enrolment_feed.refresh(p_children uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        INSERT INTO enrolment_feed.enrolment AS f (child_id, school_id, school_region_code, status, updated_at)
        SELECT DISTINCT ON (e.child_id) e.child_id, e.school_id, s.region_code::text, e.status, clock_timestamp()
          FROM enrolment e JOIN school s ON s.id = e.school_id
         WHERE p_children IS NULL OR e.child_id = ANY (p_children)
         ORDER BY e.child_id, (e.status = 'ENROLLED') DESC, coalesce(e.ended_on, e.enrolled_on) DESC, e.created_at DESC
        ON CONFLICT (child_id) DO UPDATE
           SET school_id = EXCLUDED.school_id, school_region_code = EXCLUDED.school_region_code, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
         WHERE (f.school_id, f.school_region_code, f.status) IS DISTINCT FROM (EXCLUDED.school_id, EXCLUDED.school_region_code, EXCLUDED.status);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    await db.query(`
      CREATE FUNCTION enrolment_feed.enrolment_changed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM enrolment_feed.refresh(ARRAY(SELECT DISTINCT child_id FROM changed));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION enrolment_feed.school_changed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM enrolment_feed.refresh(ARRAY(SELECT DISTINCT e.child_id FROM enrolment e JOIN changed c ON c.id = e.school_id));
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE']) {
      await db.query(`CREATE TRIGGER enrolment_${event.toLowerCase()}_to_enrolment_feed AFTER ${event} ON enrolment REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION enrolment_feed.enrolment_changed()`);
    }
    await db.query(`CREATE TRIGGER school_update_to_enrolment_feed AFTER UPDATE ON school REFERENCING NEW TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION enrolment_feed.school_changed()`);
    await db.query(`SELECT enrolment_feed.refresh(NULL)`);
    for (const sql of publishSetSql('enrolment_feed', ['enrolment', 'heartbeat'], 'education', FEED, APP)) await db.query(sql);
    await db.query(`REVOKE ALL ON FUNCTION enrolment_feed.refresh(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION enrolment_feed.refresh(uuid[]) TO ${APP}`);

    for (const sql of PARTNER_FEED_TABLES_SQL) await db.query(sql);
    for (const sql of subscribeSetSql('partner_feed', 'child_grant', APP, `partner_id::text = app_setting('app.partner')`)) await db.query(sql);

    for (const sql of REGISTRY_FEED_TABLES_SQL) await db.query(sql);
    const reachable = `app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)
      OR EXISTS (SELECT 1 FROM enrolment e WHERE e.child_id = child.child_id)
      OR EXISTS (SELECT 1 FROM partner_feed.child_grant g
                  WHERE g.child_id = child.child_id AND g.purpose = app_setting('app.purpose') AND current_date <= g.valid_until)`;
    for (const sql of subscribeSetSql('registry_feed', 'child', APP, reachable)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of [
      'enrolment_insert_to_enrolment_feed ON enrolment',
      'enrolment_update_to_enrolment_feed ON enrolment',
      'school_update_to_enrolment_feed ON school',
    ]) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    for (const schema of ['registry_feed', 'partner_feed', 'enrolment_feed']) for (const sql of dropSetSql(schema)) await db.query(sql);
  }
}
