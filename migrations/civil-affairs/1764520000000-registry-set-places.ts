import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_REGISTRY_SET_PLACE_COLUMNS_SQL, REGISTRY_SET_PLACE_COLUMNS_SQL } from '../shared/1764520000000-registry-set-places.sql';

/** The refresh as it reads from this migration on: townships and villages, and in_difficulty from the categories. */
const REFRESH_WITH_TOWNSHIPS = `
  CREATE OR REPLACE FUNCTION registry_feed.refresh(p_children uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    v_count integer;
  BEGIN
    INSERT INTO registry_feed.child AS f (child_id, household_region_code, household_township_code, household_village_code,
                                          residence_region_code, residence_township_code, residence_village_code,
                                          birth_month, left_behind_type, is_left_behind, in_difficulty, status, updated_at)
    SELECT c.id, c.household_region_code, c.household_township_code, c.household_village_code,
           c.residence_region_code, c.residence_township_code, c.residence_village_code,
           to_char(c.birth_date, 'YYYY-MM'), cc.left_behind_type, cc.is_left_behind, child_in_difficulty(c.id, c.birth_date), c.status, clock_timestamp()
      FROM child c JOIN child_classification cc ON cc.child_id = c.id
     WHERE p_children IS NULL OR c.id = ANY (p_children)
    ON CONFLICT (child_id) DO UPDATE
       SET household_region_code = EXCLUDED.household_region_code, household_township_code = EXCLUDED.household_township_code,
           household_village_code = EXCLUDED.household_village_code,
           residence_region_code = EXCLUDED.residence_region_code, residence_township_code = EXCLUDED.residence_township_code,
           residence_village_code = EXCLUDED.residence_village_code,
           birth_month = EXCLUDED.birth_month, left_behind_type = EXCLUDED.left_behind_type,
           is_left_behind = EXCLUDED.is_left_behind, in_difficulty = EXCLUDED.in_difficulty,
           status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
     WHERE (f.household_region_code, f.household_township_code, f.household_village_code, f.residence_region_code, f.residence_township_code,
            f.residence_village_code, f.birth_month, f.left_behind_type, f.is_left_behind, f.in_difficulty, f.status)
           IS DISTINCT FROM
           (EXCLUDED.household_region_code, EXCLUDED.household_township_code, EXCLUDED.household_village_code, EXCLUDED.residence_region_code,
            EXCLUDED.residence_township_code, EXCLUDED.residence_village_code, EXCLUDED.birth_month, EXCLUDED.left_behind_type,
            EXCLUDED.is_left_behind, EXCLUDED.in_difficulty, EXCLUDED.status);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
  END $$`;

/** The refresh as 1764100000000 created it, for `down`. */
const REFRESH_BEFORE = `
  CREATE OR REPLACE FUNCTION registry_feed.refresh(p_children uuid[]) RETURNS integer
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
  END $$`;

/**
 * The registry set carries the child's household and residence township and village codes (so the
 * other agencies' row rules reach their rows at township and village level) and a real
 * `in_difficulty`: a difficult-circumstance category holding today, under 18, kept by a trigger on
 * the categories and by the periodic refresh as categories start and end. Still no name (not even
 * the village's), no family and no welfare detail. The subscribers' migrations of this date add the
 * same columns to their copies; deploy those first.
 */
export class RegistrySetPlaces1764520000000 implements MigrationInterface {
  name = 'RegistrySetPlaces1764520000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of REGISTRY_SET_PLACE_COLUMNS_SQL) await db.query(sql);
    await db.query(REFRESH_WITH_TOWNSHIPS);
    await db.query(`
      CREATE FUNCTION registry_feed.difficulty_category_changed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM registry_feed.refresh(ARRAY(SELECT DISTINCT child_id FROM changed));
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE']) {
      await db.query(`CREATE TRIGGER difficulty_category_${event.toLowerCase()}_to_registry_feed AFTER ${event} ON difficulty_category
                        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION registry_feed.difficulty_category_changed()`);
    }
    await db.query(`SELECT registry_feed.refresh(NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update']) await db.query(`DROP TRIGGER difficulty_category_${event}_to_registry_feed ON difficulty_category`);
    await db.query(`DROP FUNCTION registry_feed.difficulty_category_changed()`);
    await db.query(REFRESH_BEFORE);
    for (const sql of DROP_REGISTRY_SET_PLACE_COLUMNS_SQL) await db.query(sql);
  }
}
