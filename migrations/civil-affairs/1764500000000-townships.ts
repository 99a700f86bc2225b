import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AREA_FUNCTION_SQL, CHILD_SCHOOL_AND_PARTNER_REACH, DROP_AREA_FUNCTION_SQL } from '../shared/1764500000000-townships.sql';

/**
 * Places below the county: a child's household and residence township (乡镇, 9-digit code) and
 * village (12-digit statistical code), each optional, each inside the level above. The child's
 * row rules now match the finest place known, so a township or village jurisdiction reaches exactly
 * its children (before, it matched none).
 */
export class Townships1764500000000 implements MigrationInterface {
  name = 'Townships1764500000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of AREA_FUNCTION_SQL) await db.query(sql);
    await db.query(`
      ALTER TABLE child
        ADD COLUMN household_township_code char(9),
        ADD COLUMN household_village_code  char(12),
        ADD COLUMN residence_township_code char(9),
        ADD COLUMN residence_village_code  char(12),
        ADD CONSTRAINT child_household_township_in_county CHECK (household_township_code IS NULL OR left(household_township_code, 6) = household_region_code),
        ADD CONSTRAINT child_household_village_in_township
          CHECK (household_village_code IS NULL OR (household_township_code IS NOT NULL AND left(household_village_code, 9) = household_township_code)),
        ADD CONSTRAINT child_residence_township_in_county CHECK (residence_township_code IS NULL OR left(residence_township_code, 6) = residence_region_code),
        ADD CONSTRAINT child_residence_village_in_township
          CHECK (residence_village_code IS NULL OR (residence_township_code IS NOT NULL AND left(residence_village_code, 9) = residence_township_code))`);
    await db.query(`CREATE INDEX child_residence_township_idx ON child (residence_township_code bpchar_pattern_ops, id)`);

    const inArea = `(app_in_area(household_region_code, household_township_code, household_village_code)
      OR app_in_area(residence_region_code, residence_township_code, residence_village_code))`;
    for (const policy of ['child_read', 'child_insert', 'child_update']) await db.query(`DROP POLICY ${policy} ON child`);
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING (${inArea} ${CHILD_SCHOOL_AND_PARTNER_REACH})`);
    await db.query(`CREATE POLICY child_insert ON child FOR INSERT WITH CHECK (${inArea})`);
    await db.query(`CREATE POLICY child_update ON child FOR UPDATE USING (${inArea}) WITH CHECK (${inArea})`);
  }

  async down(db: QueryRunner): Promise<void> {
    const inJurisdiction = `(app_in_jurisdiction(household_region_code::text) OR app_in_jurisdiction(residence_region_code::text))`;
    for (const policy of ['child_read', 'child_insert', 'child_update']) await db.query(`DROP POLICY ${policy} ON child`);
    await db.query(`CREATE POLICY child_read ON child FOR SELECT USING (${inJurisdiction} ${CHILD_SCHOOL_AND_PARTNER_REACH})`);
    await db.query(`CREATE POLICY child_insert ON child FOR INSERT WITH CHECK (${inJurisdiction})`);
    await db.query(`CREATE POLICY child_update ON child FOR UPDATE USING (${inJurisdiction}) WITH CHECK (${inJurisdiction})`);
    await db.query(`DROP INDEX child_residence_township_idx`);
    await db.query(`
      ALTER TABLE child DROP COLUMN household_township_code, DROP COLUMN household_village_code,
                        DROP COLUMN residence_township_code, DROP COLUMN residence_village_code`);
    for (const sql of DROP_AREA_FUNCTION_SQL) await db.query(sql);
  }
}
