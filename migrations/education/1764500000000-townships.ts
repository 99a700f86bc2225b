import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  AREA_FUNCTION_SQL,
  DROP_AREA_FUNCTION_SQL,
  dropTownshipColumnsSql,
  placedTableWritePoliciesSql,
  townshipColumnsSql,
} from '../shared/1764500000000-townships.sql';

/** The application role, as named when this migration was written. */
const APP = 'education_app';

/**
 * Schools carry their township (乡镇, 9-digit code) and village name, and the row rules reach
 * schools, and every record reached through a school (enrolments, care assignments, talks and the
 * school-work records of 1764300000000, all through `app_school_reachable`), at township level too.
 */
export class Townships1764500000000 implements MigrationInterface {
  name = 'Townships1764500000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of [...AREA_FUNCTION_SQL, ...townshipColumnsSql('school')]) await db.query(sql);
    await this.policies(db, `app_in_area(region_code, township_code, NULL)`, `app_in_area(s.region_code, s.township_code, NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.policies(db, `app_in_jurisdiction(region_code::text)`, `app_in_jurisdiction(s.region_code::text)`);
    for (const sql of [...dropTownshipColumnsSql('school'), ...DROP_AREA_FUNCTION_SQL]) await db.query(sql);
  }

  /** The school's write policies, the school rule every record follows, and a new enrolment's school, with the given area rule. */
  private async policies(db: QueryRunner, schoolInArea: string, joinedSchoolInArea: string): Promise<void> {
    for (const sql of placedTableWritePoliciesSql('school', schoolInArea)) await db.query(sql);
    await db.query(`
      CREATE OR REPLACE FUNCTION app_school_reachable(p_school uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM school s WHERE s.id = p_school
                          AND (${joinedSchoolInArea} OR s.id::text = ANY (app_list('app.schools'))))
      $$`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_school_reachable(uuid) TO ${APP}`);
    await db.query(`DROP POLICY enrolment_insert ON enrolment`);
    await db.query(`CREATE POLICY enrolment_insert ON enrolment FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM school s WHERE s.id = enrolment.school_id
                      AND (${joinedSchoolInArea} OR s.id::text = ANY (app_list('app.schools')))))`);
  }
}
