import type { MigrationInterface, QueryRunner } from 'typeorm';
import { subscriberPlacesDownSql, subscriberPlacesUpSql } from '../shared/1764220000000-registry-set-places.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

const REACH = `EXISTS (SELECT 1 FROM consent c WHERE c.child_id = child.child_id AND c.partner_id::text = app_setting('app.partner')
  AND c.purpose = app_setting('app.purpose') AND c.revoked_at IS NULL AND current_date BETWEEN c.given_on AND c.expires_on)`;

/** The women's federation's rows about a child, reached through the programme or the county, that a township or village jurisdiction also reaches through the child's place. */
const CHILD_ROW_TABLES = ['pairing', 'consent'];

/**
 * The copy of the registry set gains the children's townships and villages (before the publisher
 * sends them); the copy is reached at township and village level, and so are the pairings and
 * consents of the children who live there.
 */
export class RegistrySetPlaces1764220000000 implements MigrationInterface {
  name = 'RegistrySetPlaces1764220000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of subscriberPlacesUpSql(APP, REACH, CHILD_ROW_TABLES)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of subscriberPlacesDownSql(REACH, CHILD_ROW_TABLES)) await db.query(sql);
  }
}
