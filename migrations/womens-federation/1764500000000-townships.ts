import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  AREA_FUNCTION_SQL,
  DROP_AREA_FUNCTION_SQL,
  dropTownshipColumnsSql,
  placedTableWritePoliciesSql,
  townshipColumnsSql,
} from '../shared/1764500000000-townships.sql';

/**
 * Programmes carry their township (乡镇, 9-digit code) and village name, and the row rules reach
 * programmes, and the pairings through them, at township level too. (Partner organisations and
 * consents stay county-level: neither has a township; consents follow the child's place, see
 * 1764520000000.)
 */
export class Townships1764500000000 implements MigrationInterface {
  name = 'Townships1764500000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of [...AREA_FUNCTION_SQL, ...townshipColumnsSql('programme')]) await db.query(sql);
    await this.policies(db, `app_in_area(region_code, township_code, NULL)`, `app_in_area(p.region_code, p.township_code, NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.policies(db, `app_in_jurisdiction(region_code::text)`, `app_in_jurisdiction(p.region_code::text)`);
    for (const sql of [...dropTownshipColumnsSql('programme'), ...DROP_AREA_FUNCTION_SQL]) await db.query(sql);
  }

  /** The programme's write policies and the pairing policies through a programme, with the given area rule. */
  private async policies(db: QueryRunner, programmeInArea: string, joinedProgrammeInArea: string): Promise<void> {
    for (const sql of placedTableWritePoliciesSql('programme', programmeInArea)) await db.query(sql);
    for (const policy of ['pairing_read', 'pairing_insert', 'pairing_update']) await db.query(`DROP POLICY ${policy} ON pairing`);
    const inJurisdiction = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND ${joinedProgrammeInArea})`;
    const ownConsented = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND p.partner_id::text = app_setting('app.partner'))
      AND pairing.since <= current_date AND (pairing.until IS NULL OR pairing.until >= current_date)
      AND app_partner_consents(pairing.child_id, 'wf:programmes')`;
    await db.query(`CREATE POLICY pairing_read ON pairing FOR SELECT USING (${inJurisdiction} OR (${ownConsented}))`);
    await db.query(`CREATE POLICY pairing_insert ON pairing FOR INSERT WITH CHECK (${inJurisdiction})`);
    await db.query(`CREATE POLICY pairing_update ON pairing FOR UPDATE USING (${inJurisdiction}) WITH CHECK (${inJurisdiction})`);
  }
}
