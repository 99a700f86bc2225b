import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHILD_SCHOOL_AND_PARTNER_REACH } from '../shared/1764500000000-townships.sql';

/** A place's finest code (village, township or county) as the area rule reads it, for the household or the residence. */
const finest = (place: 'household' | 'residence') => `coalesce(${place}_village_code, ${place}_township_code, ${place}_region_code)::text`;

/**
 * Every region-code prefix (2 to 12 digits) of the child's two places: the jurisdictions that reach
 * it by area. `reach_areas(child) && jurisdiction` is `app_in_area(household) OR app_in_area(residence)`
 * for every prefix of two or more digits (the tokens' claims are 2 to 12 digits), and a GIN index
 * serves it.
 */
const REACH_AREAS = `(area_prefixes(${finest('household')}) || area_prefixes(${finest('residence')}))`;

/** School ids of the row scope, as uuids (anything else is dropped, never cast into an error), so the enrolment feed's index serves them. */
const SCHOOL_IDS = `ARRAY(SELECT s::uuid FROM unnest(app_list('app.schools')) s WHERE s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')`;

/**
 * Issue 14, "rows scale with the page, not the registry". The child read policy, as 1764510000000
 * wrote it, could use no index: a one-county token's page was found by walking the whole registry in
 * id order and testing each child. Written here so that each way of reaching a child is a condition
 * an index answers, and the planner can fetch exactly the children the caller reaches:
 *   - by area: the child's prefixes overlap the jurisdiction (GIN on the prefixes);
 *   - in charge: the child's director or supervisor is one of the caller's care-worker rows (btree on
 *     each, read once per statement, as one array the planner estimates as small as it is);
 *   - a school's pupils and a partner's consented children: the child's id is among those the feeds
 *     name for the caller, read once per statement (the enrolment feed by school, the grants by
 *     partner), instead of a look-up per child.
 * Who reaches which child does not change: the same arms, the same conditions.
 */
export class ChildReachIndex1764600000001 implements MigrationInterface {
  name = 'ChildReachIndex1764600000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION area_prefixes(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT coalesce(array_agg(left(code, n) ORDER BY n), '{}') FROM generate_series(2, length(code)) AS n $$`);
    await db.query(`CREATE INDEX child_reach_areas_idx ON child USING gin (${REACH_AREAS})`);
    await db.query(`CREATE INDEX child_director_idx ON child (child_director_id)`);
    await db.query(`CREATE INDEX child_supervisor_idx ON child (child_supervisor_id)`);
    // The partner feed's own policy compares partner_id as text: this index answers it.
    await db.query(`CREATE INDEX partner_feed_child_grant_partner_idx ON partner_feed.child_grant ((partner_id::text))`);

    // The children the caller is in charge of, as one array (read as the owner: it names only the
    // caller's own care-worker rows), so the policy reads them once per statement.
    const inChargeBy = (column: string) => `SELECT c.id FROM care_worker w JOIN child c ON c.${column} = w.id
                                             WHERE w.subject = app_setting('app.sub') AND app_setting('app.partner') IS NULL`;
    await db.query(`
      CREATE FUNCTION app_children_in_charge() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ARRAY(${inChargeBy('child_director_id')} UNION ${inChargeBy('child_supervisor_id')})
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_children_in_charge() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_children_in_charge() TO civil_affairs_app`);
    const reach = `(
      ${REACH_AREAS} && app_list('app.jurisdiction')
      OR id = ANY ((SELECT app_children_in_charge())::uuid[])
      OR id = ANY (ARRAY(SELECT e.child_id FROM enrolment_feed.enrolment e
                          WHERE e.school_id = ANY (${SCHOOL_IDS}) AND e.status IN ('ENROLLED', 'SUSPENDED', 'DROPPED_OUT')))
      OR id = ANY (ARRAY(SELECT g.child_id FROM partner_feed.child_grant g
                          WHERE app_setting('app.partner') IS NOT NULL AND partner_feed.fresh()
                            AND g.purpose = app_setting('app.purpose') AND 'child:masked' = ANY (g.categories) AND current_date <= g.valid_until)))`;
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING ((status = 'ACTIVE' OR 'child:archive' = ANY (app_list('app.scopes'))) AND ${reach})`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The policy as 1764510000000 wrote it.
    const callerWorkers = `SELECT w.id FROM care_worker w WHERE w.subject = app_setting('app.sub')`;
    const reach = `(
      app_in_area(child.household_region_code, child.household_township_code, child.household_village_code)
      OR app_in_area(child.residence_region_code, child.residence_township_code, child.residence_village_code)
      OR (app_setting('app.partner') IS NULL AND (child.child_director_id IN (${callerWorkers}) OR child.child_supervisor_id IN (${callerWorkers})))
      ${CHILD_SCHOOL_AND_PARTNER_REACH})`;
    await db.query(`DROP POLICY child_read ON child`);
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING ((status = 'ACTIVE' OR 'child:archive' = ANY (app_list('app.scopes'))) AND ${reach})`);
    await db.query(`DROP FUNCTION app_children_in_charge()`);
    await db.query(`DROP INDEX partner_feed.partner_feed_child_grant_partner_idx`);
    await db.query(`DROP INDEX child_supervisor_idx`);
    await db.query(`DROP INDEX child_director_idx`);
    await db.query(`DROP INDEX child_reach_areas_idx`);
    await db.query(`DROP FUNCTION area_prefixes(text)`);
  }
}
