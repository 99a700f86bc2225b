import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  AREA_FUNCTION_SQL,
  DROP_AREA_FUNCTION_SQL,
  dropTownshipColumnsSql,
  placedTableWritePoliciesSql,
  townshipColumnsSql,
} from '../shared/1764200000000-townships.sql';

const SCHOOL_TABLES = ['enrolment', 'care_assignment'];

/**
 * Schools carry their township (乡镇, 9-digit code) and village name, and the row rules reach
 * schools, and the enrolments and care assignments through them, at township level too.
 */
export class Townships1764200000000 implements MigrationInterface {
  name = 'Townships1764200000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of [...AREA_FUNCTION_SQL, ...townshipColumnsSql('school')]) await db.query(sql);
    await this.policies(db, `app_in_area(region_code, township_code, NULL)`, `app_in_area(s.region_code, s.township_code, NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.policies(db, `app_in_jurisdiction(region_code::text)`, `app_in_jurisdiction(s.region_code::text)`);
    for (const sql of [...dropTownshipColumnsSql('school'), ...DROP_AREA_FUNCTION_SQL]) await db.query(sql);
  }

  /** The school's write policies and those of the rows reached through a school, with the given area rule. */
  private async policies(db: QueryRunner, schoolInArea: string, joinedSchoolInArea: string): Promise<void> {
    for (const sql of placedTableWritePoliciesSql('school', schoolInArea)) await db.query(sql);
    for (const table of SCHOOL_TABLES) {
      await db.query(`DROP POLICY ${table}_of_reachable_school ON ${table}`);
      const ofReachableSchool = `EXISTS (SELECT 1 FROM school s WHERE s.id = ${table}.school_id
        AND (${joinedSchoolInArea} OR s.id::text = ANY (app_list('app.schools'))))`;
      await db.query(`CREATE POLICY ${table}_of_reachable_school ON ${table} USING (${ofReachableSchool}) WITH CHECK (${ofReachableSchool})`);
    }
  }
}
