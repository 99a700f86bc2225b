import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each active child's place and the figures it counts in, now also by left-behind type and by difficult-circumstance category. */
const WITH_TYPE_AND_CATEGORIES = `
  CREATE OR REPLACE FUNCTION child_figures_today(p_prefix text) RETURNS TABLE (county text, township text, figure text)
    LANGUAGE sql STABLE AS $$
    WITH placed AS (
      SELECT c.id, c.gender, c.birth_date, c.last_reviewed_on, c.created_at,
             c.residence_region_code::text AS county, coalesce(c.residence_township_code::text, '') AS township
        FROM child c
       WHERE c.status = 'ACTIVE' AND c.residence_region_code::text ^@ p_prefix
    ), facts AS (
      SELECT p.county, p.township, p.gender, cc.is_left_behind, cc.left_behind_type, rs.in_difficulty, rs.living_alone, rs.guardian_unable,
             CASE WHEN a.age < 6 THEN 'AGE_0_5' WHEN a.age < 12 THEN 'AGE_6_11' WHEN a.age < 16 THEN 'AGE_12_15' ELSE 'AGE_16_17' END AS age_band,
             (SELECT g.form FROM guardianship g WHERE g.child_id = p.id ORDER BY g.version DESC LIMIT 1) AS form,
             coalesce(p.last_reviewed_on, p.created_at::date) >= (current_date - interval '3 months')::date AS reviewed,
             -- The categories holding on the day, of a child under 18 (as inDifficultCircumstances counts).
             ARRAY(SELECT DISTINCT 'difficultyCategory:' || d.category FROM difficulty_category d
                    WHERE d.child_id = p.id AND d.starts_on <= current_date AND (d.ends_on IS NULL OR d.ends_on >= current_date)
                      AND p.birth_date > current_date - interval '18 years') AS categories
        FROM placed p
        JOIN child_classification cc ON cc.child_id = p.id
        JOIN child_risk_status rs ON rs.child_id = p.id
        CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, p.birth_date))::int AS age) a
    )
    SELECT county, township, figure
      FROM facts, unnest(array_remove(ARRAY[
             'registered', 'gender:' || gender, 'ageBand:' || age_band, 'guardianshipForm:' || coalesce(form, 'NONE'),
             CASE WHEN is_left_behind THEN 'leftBehind' END,
             CASE WHEN in_difficulty THEN 'inDifficultCircumstances' END,
             CASE WHEN living_alone THEN 'livingAlone' END,
             CASE WHEN guardian_unable THEN 'guardianUnable' END,
             CASE WHEN reviewed THEN 'reviewedWithinThreeMonths' END, 'leftBehindType:' || left_behind_type], NULL) || categories) AS figure
  $$`;

/** The definition of 1764580000000, restored by down(). */
const PREVIOUS = `
  CREATE OR REPLACE FUNCTION child_figures_today(p_prefix text) RETURNS TABLE (county text, township text, figure text)
    LANGUAGE sql STABLE AS $$
    WITH placed AS (
      SELECT c.id, c.gender, c.birth_date, c.last_reviewed_on, c.created_at,
             c.residence_region_code::text AS county, coalesce(c.residence_township_code::text, '') AS township
        FROM child c
       WHERE c.status = 'ACTIVE' AND c.residence_region_code::text ^@ p_prefix
    ), facts AS (
      SELECT p.county, p.township, p.gender, cc.is_left_behind, rs.in_difficulty, rs.living_alone, rs.guardian_unable,
             CASE WHEN a.age < 6 THEN 'AGE_0_5' WHEN a.age < 12 THEN 'AGE_6_11' WHEN a.age < 16 THEN 'AGE_12_15' ELSE 'AGE_16_17' END AS age_band,
             (SELECT g.form FROM guardianship g WHERE g.child_id = p.id ORDER BY g.version DESC LIMIT 1) AS form,
             coalesce(p.last_reviewed_on, p.created_at::date) >= (current_date - interval '3 months')::date AS reviewed
        FROM placed p
        JOIN child_classification cc ON cc.child_id = p.id
        JOIN child_risk_status rs ON rs.child_id = p.id
        CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, p.birth_date))::int AS age) a
    )
    SELECT county, township, figure
      FROM facts, unnest(array_remove(ARRAY[
             'registered', 'gender:' || gender, 'ageBand:' || age_band, 'guardianshipForm:' || coalesce(form, 'NONE'),
             CASE WHEN is_left_behind THEN 'leftBehind' END,
             CASE WHEN in_difficulty THEN 'inDifficultCircumstances' END,
             CASE WHEN living_alone THEN 'livingAlone' END,
             CASE WHEN guardian_unable THEN 'guardianUnable' END,
             CASE WHEN reviewed THEN 'reviewedWithinThreeMonths' END], NULL)) AS figure
  $$`;

/**
 * The registry's figures gain two breakdowns issue 13 lists (children by classification and by
 * difficult-circumstance category): each child counts once by its left-behind type (both parents
 * away, one, none: they add up to registered) and once per difficult-circumstance category holding
 * on the day while under 18 (a child may hold several, so these overlap and add up to nothing).
 * Only the per-child function changes; the recording and the readers stay as they are.
 */
export class RegionFigureBreakdowns1764620000000 implements MigrationInterface {
  name = 'RegionFigureBreakdowns1764620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(WITH_TYPE_AND_CATEGORIES);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(PREVIOUS);
  }
}
