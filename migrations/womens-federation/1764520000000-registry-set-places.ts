import type { MigrationInterface, QueryRunner } from 'typeorm';
import { subscriberPlacesDownSql, subscriberPlacesUpSql } from '../shared/1764520000000-registry-set-places.sql';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

const REACH = `app_school_pupil(child_id) OR app_partner_reaches(child_id, 'child:masked')`;

/** The women's federation's rows about a child, reached through the programme or the county, that a township or village jurisdiction also reaches through the child's place. */
const CHILD_ROW_TABLES = ['pairing', 'consent'];

/**
 * The copy of the registry set gains the children's townships and villages (before the publisher
 * sends them); the copy is reached at township and village level, and so are the pairings and
 * consents of the children who live there.
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
