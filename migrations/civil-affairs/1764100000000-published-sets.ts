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
const APP = 'civil_affairs_app';
const FEED = 'civil_affairs_feed';

/**
 * Civil affairs publishes the registry set (registry_feed.child) and subscribes to education's
 * enrolment set and the women's federation's partner grants. The registry set is kept by triggers
 * on every write that changes a published fact, and by `registry_feed.refresh(NULL)`, which the
 * service runs at start and hourly because the classification also changes with time alone (a
 * child turns 16, a parent passes three months away). School staff now reach, in the registry,
 * exactly the children enrolled in their schools.
 */
export class PublishedSets1764100000000 implements MigrationInterface {
  name = 'PublishedSets1764100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of REGISTRY_FEED_TABLES_SQL) await db.query(sql);
    // Recomputes the published row of the given children (all when NULL); writes only rows that
    // changed, so a refresh with nothing to do sends nothing to the subscribers.
    await db.query(`
      CREATE FUNCTION registry_feed.refresh(p_children uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        INSERT INTO registry_feed.child AS f (child_id, household_region_code, residence_region_code, birth_month,
                                              left_behind_type, is_left_behind, in_difficulty, status, updated_at)
        SELECT c.id, c.household_region_code, c.residence_region_code, to_char(c.birth_date, 'YYYY-MM'),
               cc.left_behind_type, cc.is_left_behind, false, c.status, clock_timestamp()
          FROM child c JOIN child_classification cc ON cc.child_id = c.id
         WHERE p_children IS NULL OR c.id = ANY (p_children)
        ON CONFLICT (child_id) DO UPDATE
           SET household_region_code = EXCLUDED.household_region_code, residence_region_code = EXCLUDED.residence_region_code,
               birth_month = EXCLUDED.birth_month, left_behind_type = EXCLUDED.left_behind_type,
               is_left_behind = EXCLUDED.is_left_behind, in_difficulty = EXCLUDED.in_difficulty,
               status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
         WHERE (f.household_region_code, f.residence_region_code, f.birth_month, f.left_behind_type, f.is_left_behind, f.in_difficulty, f.status)
               IS DISTINCT FROM
               (EXCLUDED.household_region_code, EXCLUDED.residence_region_code, EXCLUDED.birth_month, EXCLUDED.left_behind_type,
                EXCLUDED.is_left_behind, EXCLUDED.in_difficulty, EXCLUDED.status);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    // Statement-level triggers with transition tables: a bulk load refreshes once per statement.
    for (const [table, column] of [
      ['child', 'id'],
      ['parent', 'child_id'],
    ] as const) {
      await db.query(`
        CREATE FUNCTION registry_feed.${table}_changed() RETURNS trigger
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          PERFORM registry_feed.refresh(ARRAY(SELECT DISTINCT ${column} FROM changed));
          RETURN NULL;
        END $$`);
      await db.query(`CREATE TRIGGER ${table}_inserted_to_registry_feed AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION registry_feed.${table}_changed()`);
      await db.query(`CREATE TRIGGER ${table}_updated_to_registry_feed AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION registry_feed.${table}_changed()`);
    }
    await db.query(`CREATE TRIGGER parent_deleted_to_registry_feed AFTER DELETE ON parent REFERENCING OLD TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION registry_feed.parent_changed()`);
    await db.query(`SELECT registry_feed.refresh(NULL)`);
    for (const sql of publishSetSql('registry_feed', ['child', 'heartbeat'], 'civil-affairs', FEED, APP)) await db.query(sql);
    await db.query(`REVOKE ALL ON FUNCTION registry_feed.refresh(uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION registry_feed.refresh(uuid[]) TO ${APP}`);

    // Education's enrolment set: a school's staff reach its pupils, and only while enrolled.
    for (const sql of ENROLMENT_FEED_TABLES_SQL) await db.query(sql);
    const mySchools = `school_id::text = ANY (app_list('app.schools'))`;
    for (const sql of subscribeSetSql('enrolment_feed', 'enrolment', APP, `${mySchools} OR app_in_jurisdiction(school_region_code)`)) await db.query(sql);

    // The women's federation's partner grants: a partner's own rows only.
    for (const sql of PARTNER_FEED_TABLES_SQL) await db.query(sql);
    for (const sql of subscribeSetSql('partner_feed', 'child_grant', APP, `partner_id::text = app_setting('app.partner')`)) await db.query(sql);

    // Partner grants fail closed: a copy more than a minute behind its publisher grants nothing.
    await db.query(`
      CREATE FUNCTION partner_feed.fresh() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM partner_feed.heartbeat WHERE beat_at > now() - interval '60 seconds')
      $$`);
    await db.query(`GRANT EXECUTE ON FUNCTION partner_feed.fresh() TO ${APP}`);

    // A child is readable in the jurisdiction; by a school's staff while it is their pupil (enrolled,
    // suspended, or dropped out and to be persuaded back: 控辍保学), not once it moved on; by a partner
    // while paired with it and its guardian's consent to masked data for the stated purpose holds.
    // (The partner list the gateway used to put in its token is no longer read.)
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`
      CREATE POLICY child_read ON child FOR SELECT USING (
        app_in_jurisdiction(household_region_code::text) OR app_in_jurisdiction(residence_region_code::text)
        OR (cardinality(app_list('app.schools')) > 0 AND EXISTS (
              SELECT 1 FROM enrolment_feed.enrolment e
               WHERE e.child_id = child.id AND e.status IN ('ENROLLED', 'SUSPENDED', 'DROPPED_OUT')
                 AND e.school_id::text = ANY (app_list('app.schools'))))
        OR (app_setting('app.partner') IS NOT NULL AND partner_feed.fresh() AND EXISTS (
              SELECT 1 FROM partner_feed.child_grant g
               WHERE g.child_id = child.id AND g.purpose = app_setting('app.purpose') AND 'child:masked' = ANY (g.categories)
                 AND current_date <= g.valid_until)))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING (
      (app_in_jurisdiction(household_region_code::text) OR app_in_jurisdiction(residence_region_code::text)) OR id::text = ANY (app_list('app.partner_children')))`);
    for (const trigger of [
      'child_inserted_to_registry_feed ON child',
      'child_updated_to_registry_feed ON child',
      'parent_inserted_to_registry_feed ON parent',
      'parent_updated_to_registry_feed ON parent',
      'parent_deleted_to_registry_feed ON parent',
    ])
      await db.query(`DROP TRIGGER ${trigger}`);
    for (const schema of ['partner_feed', 'enrolment_feed', 'registry_feed']) for (const sql of dropSetSql(schema)) await db.query(sql);
  }
}
