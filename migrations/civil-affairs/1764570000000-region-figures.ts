import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

/**
 * Region figures for analysts (统计分析): counts of the registry's active children placed by
 * residence, grouped one level below a region, in one statement per region level. It runs as the
 * owner (an analyst reaches no child row) and answers only a caller holding `report:aggregate`; the
 * service publishes only regions within the caller's jurisdiction, after suppression. Every read
 * of figures is recorded in `report_read` (who, for which organisation and purpose, which region,
 * which figures, as of when).
 */
export class RegionFigures1764570000000 implements MigrationInterface {
  name = 'RegionFigures1764570000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION region_child_counts(p_prefix text, p_group text) RETURNS TABLE (region text, figure text, n bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH placed AS (
          SELECT c.id, c.gender, c.birth_date, c.last_reviewed_on, c.created_at,
                 CASE p_group WHEN 'province' THEN left(c.residence_region_code, 2) || '0000'
                              WHEN 'city' THEN left(c.residence_region_code, 4) || '00'
                              WHEN 'county' THEN c.residence_region_code::text
                              ELSE coalesce(c.residence_township_code::text, '') END AS region
            FROM child c
           WHERE c.status = 'ACTIVE' AND c.residence_region_code::text ^@ p_prefix
             AND 'report:aggregate' = ANY (app_list('app.scopes'))
        ), facts AS (
          SELECT p.region, p.gender, cc.is_left_behind, rs.in_difficulty, rs.living_alone, rs.guardian_unable,
                 CASE WHEN a.age < 6 THEN 'AGE_0_5' WHEN a.age < 12 THEN 'AGE_6_11' WHEN a.age < 16 THEN 'AGE_12_15' ELSE 'AGE_16_17' END AS age_band,
                 (SELECT g.form FROM guardianship g WHERE g.child_id = p.id ORDER BY g.version DESC LIMIT 1) AS form,
                 coalesce(p.last_reviewed_on, p.created_at::date) >= (current_date - interval '3 months')::date AS reviewed
            FROM placed p
            JOIN child_classification cc ON cc.child_id = p.id
            JOIN child_risk_status rs ON rs.child_id = p.id
            CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, p.birth_date))::int AS age) a
        )
        SELECT region, figure, count(*)::bigint
          FROM facts, unnest(array_remove(ARRAY[
                 'registered', 'gender:' || gender, 'ageBand:' || age_band, 'guardianshipForm:' || coalesce(form, 'NONE'),
                 CASE WHEN is_left_behind THEN 'leftBehind' END,
                 CASE WHEN in_difficulty THEN 'inDifficultCircumstances' END,
                 CASE WHEN living_alone THEN 'livingAlone' END,
                 CASE WHEN guardian_unable THEN 'guardianUnable' END,
                 CASE WHEN reviewed THEN 'reviewedWithinThreeMonths' END], NULL)) AS figure
         GROUP BY region, figure
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION region_child_counts(text, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION region_child_counts(text, text) TO ${APP}`);
    await db.query(`CREATE INDEX child_active_residence_idx ON child (residence_region_code bpchar_pattern_ops) WHERE status = 'ACTIVE'`);

    await db.query(`
      CREATE TABLE report_read (
        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        request_id  text        NOT NULL,
        actor       text        NOT NULL,
        org         text        NOT NULL,
        purpose     text,
        region_code text        NOT NULL,
        figures     text[]      NOT NULL,
        as_of       date        NOT NULL
      )`);
    await db.query(`ALTER TABLE report_read ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY report_read_record ON report_read FOR INSERT WITH CHECK (actor = app_setting('app.sub'))`);
    await db.query(
      `CREATE POLICY report_read_audit ON report_read FOR SELECT USING ('audit:read' = ANY (app_list('app.scopes')) AND app_in_jurisdiction(region_code))`,
    );
    await db.query(`GRANT SELECT, INSERT ON report_read TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_read`);
    await db.query(`DROP INDEX child_active_residence_idx`);
    await db.query(`DROP FUNCTION region_child_counts(text, text)`);
  }
}
