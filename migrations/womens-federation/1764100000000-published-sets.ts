import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropSetSql, PARTNER_FEED_TABLES_SQL, publishSetSql, REGISTRY_FEED_TABLES_SQL, subscribeSetSql } from '../shared/1764100000000-published-sets.sql';

/** The roles as named when this migration was written. */
const APP = 'womens_federation_app';
const FEED = 'womens_federation_feed';

/**
 * The women's federation publishes partner grants: a row per guardian's consent that holds today
 * and whose child is paired, today, with a programme of the consented partner. Triggers keep it as
 * consents are recorded or revoked and pairings made or ended (a revocation reaches the other
 * agencies within the feed's lag); `partner_feed.refresh(NULL)`, run at start and hourly, adds the
 * consents and pairings whose start date has come. Expiry needs no refresh: subscribers check
 * `valid_until` themselves. It subscribes to the registry set.
 */
export class PublishedSets1764100000000 implements MigrationInterface {
  name = 'PublishedSets1764100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of PARTNER_FEED_TABLES_SQL) await db.query(sql);
    await db.query(`
      CREATE FUNCTION partner_feed.refresh(p_children uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        WITH desired AS (
          SELECT c.id AS consent_id, c.child_id, c.partner_id, c.purpose, c.categories,
                 least(c.expires_on, max(coalesce(p.until, 'infinity'::date))) AS valid_until
            FROM consent c
            JOIN programme pr ON pr.partner_id = c.partner_id
            JOIN pairing p ON p.programme_id = pr.id AND p.child_id = c.child_id
           WHERE (p_children IS NULL OR c.child_id = ANY (p_children))
             AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on
             AND p.since <= current_date AND (p.until IS NULL OR p.until >= current_date)
           GROUP BY c.id
        ), withdrawn AS (
          DELETE FROM partner_feed.child_grant g
           WHERE (p_children IS NULL OR g.child_id = ANY (p_children))
             AND NOT EXISTS (SELECT 1 FROM desired d WHERE d.consent_id = g.consent_id)
        )
        INSERT INTO partner_feed.child_grant AS g (consent_id, child_id, partner_id, purpose, categories, valid_until)
        SELECT consent_id, child_id, partner_id, purpose, categories, valid_until FROM desired
        ON CONFLICT (consent_id) DO UPDATE
           SET child_id = EXCLUDED.child_id, partner_id = EXCLUDED.partner_id, purpose = EXCLUDED.purpose,
               categories = EXCLUDED.categories, valid_until = EXCLUDED.valid_until
         WHERE (g.child_id, g.partner_id, g.purpose, g.categories, g.valid_until)
               IS DISTINCT FROM (EXCLUDED.child_id, EXCLUDED.partner_id, EXCLUDED.purpose, EXCLUDED.categories, EXCLUDED.valid_until);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    for (const table of ['consent', 'pairing']) {
      await db.query(`
        CREATE FUNCTION partner_feed.${table}_changed() RETURNS trigger
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          PERFORM partner_feed.refresh(ARRAY(SELECT DISTINCT child_id FROM changed));
          RETURN NULL;
        END $$`);
      for (const event of ['INSERT', 'UPDATE']) {
        await db.query(`CREATE TRIGGER ${table}_${event.toLowerCase()}_to_partner_feed AFTER ${event} ON ${table} REFERENCING NEW TABLE AS changed
                          FOR EACH STATEMENT EXECUTE FUNCTION partner_feed.${table}_changed()`);
      }
    }
    await db.query(`SELECT partner_feed.refresh(NULL)`);
    for (const sql of publishSetSql('partner_feed', ['child_grant', 'heartbeat'], 'womens-federation', FEED, APP)) await db.query(sql);
    await db.query(`REVOKE ALL ON FUNCTION partner_feed.refresh(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION partner_feed.refresh(uuid[]) TO ${APP}`);

    for (const sql of REGISTRY_FEED_TABLES_SQL) await db.query(sql);
    const reachable = `app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code)
      OR EXISTS (SELECT 1 FROM consent c WHERE c.child_id = child.child_id AND c.partner_id::text = app_setting('app.partner')
                  AND c.purpose = app_setting('app.purpose') AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on)`;
    for (const sql of subscribeSetSql('registry_feed', 'child', APP, reachable)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['consent', 'pairing']) {
      for (const event of ['insert', 'update']) await db.query(`DROP TRIGGER ${table}_${event}_to_partner_feed ON ${table}`);
    }
    for (const schema of ['registry_feed', 'partner_feed']) for (const sql of dropSetSql(schema)) await db.query(sql);
  }
}
