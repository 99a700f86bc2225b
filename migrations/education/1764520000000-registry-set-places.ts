import type { MigrationInterface, QueryRunner } from 'typeorm';
import { subscriberPlacesDownSql, subscriberPlacesUpSql } from '../shared/1764520000000-registry-set-places.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

const REACH = `app_child_records_reachable(child_id)
  OR EXISTS (SELECT 1 FROM partner_feed.child_grant g
              WHERE g.child_id = child.child_id AND g.purpose = app_setting('app.purpose') AND current_date <= g.valid_until)`;

/** Education's rows about a child, reached through the school, that a township or village jurisdiction also reaches through the child's place. */
const CHILD_ROW_TABLES = ['enrolment', 'care_assignment', 'talk'];

/**
 * The copy of the registry set gains the children's townships and villages (before the publisher
 * sends them); the copy is reached at township and village level, and so are the enrolments and care
 * assignments and talks of the children who live there.
 */
export class RegistrySetPlaces1764520000000 implements MigrationInterface {
  name = 'RegistrySetPlaces1764520000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of subscriberPlacesUpSql(APP, REACH, CHILD_ROW_TABLES)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of subscriberPlacesDownSql(REACH, CHILD_ROW_TABLES)) await db.query(sql);
  }
}
