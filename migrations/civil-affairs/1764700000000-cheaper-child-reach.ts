import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows are visible and writable exactly when their child is (1763900000000, 1764510000000). */
const OF_VISIBLE_CHILD = ['parent', 'guardianship', 'difficulty_category', 'benefit', 'guardianship_verification', 'reentrustment_notice', 'file_review'];

/** `area_prefixes` as 1764600000001 wrote it: an aggregate over a series, which the planner cannot inline. */
const PREFIXES_BY_SERIES = `SELECT coalesce(array_agg(left(code, n) ORDER BY n), '{}') FROM generate_series(2, length(code)) AS n`;

/**
 * Issue 14, PostgreSQL CPU per dossier request. Two row-security helpers ran once per row, each a
 * function call the planner could not inline, and together they were most of the civil-affairs
 * database's CPU for a page (about 100 calls of each per page of 20 children):
 *
 * - `area_prefixes`, the child's area prefixes that the child read policy overlaps with the
 *   jurisdiction (twice per child row), was an aggregate over `generate_series`: a query started
 *   per call. It is now one array expression the planner inlines (codes are 6, 9 or 12 digits; any
 *   longer code still goes the old way), with the same value for every input, so the GIN index on
 *   it stays valid and is still chosen (index expressions are inlined as the policy is).
 * - `app_child_visible`, the plpgsql check behind the policies of parent, guardianship and the child
 *   records, ran a statement per row, and with it the child read policy's once-per-statement parts
 *   (the children in the caller's charge, the school and partner arrays) again for every row. The
 *   policies now hold the same test as a correlated `EXISTS` over `child`: still a primary-key look-up
 *   per row under child's policies, but a sub-plan of the one statement, whose once-per-statement
 *   parts run once.
 *
 * Who sees what does not change: each policy's condition has the same value for every row.
 */
export class CheaperChildReach1764700000000 implements MigrationInterface {
  name = 'CheaperChildReach1764700000000';

  async up(db: QueryRunner): Promise<void> {
    const prefixes = Array.from({ length: 11 }, (_, index) => `left(code, ${index + 2})`).join(', ');
    await db.query(`CREATE FUNCTION area_prefixes_by_series(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ ${PREFIXES_BY_SERIES} $$`);
    // A NULL code has a NULL length and takes the old way too (its value: no prefixes). Qualified:
    // maintenance (ANALYZE, index builds) and replication workers evaluate it with only pg_catalog
    // on the search path, and a SET clause would stop the inlining.
    await db.query(`
      CREATE OR REPLACE FUNCTION area_prefixes(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN length(code) <= 12 THEN (ARRAY[${prefixes}])[1:length(code) - 1] ELSE public.area_prefixes_by_series(code) END
      $$`);
    await this.reloadReachIndex(db);
    // OFFSET 0 keeps the test a look-up per row: without it the planner may instead hash every child
    // the caller sees (it prices the policy's once-per-statement parts as if they ran per row), which
    // for a page of 20 reads the whole registry.
    await this.visibleChildPolicies(db, (table) => `EXISTS (SELECT 1 FROM child c WHERE c.id = ${table}.child_id OFFSET 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.visibleChildPolicies(db, (table) => `app_child_visible(${table}.child_id)`);
    await db.query(`CREATE OR REPLACE FUNCTION area_prefixes(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ ${PREFIXES_BY_SERIES} $$`);
    await this.reloadReachIndex(db);
    await db.query(`DROP FUNCTION area_prefixes_by_series(text)`);
  }

  /**
   * Each session keeps an index's expressions as it first read them, inlined or not; a new function
   * body is not news to it, and an expression read the old way no longer matches the policy's. A
   * change of the index's options (to the value it already has) makes every session read them again.
   */
  private async reloadReachIndex(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX child_reach_areas_idx SET (fastupdate = on)`);
  }

  private async visibleChildPolicies(db: QueryRunner, ofVisibleChild: (table: string) => string): Promise<void> {
    for (const table of OF_VISIBLE_CHILD) {
      await db.query(`DROP POLICY ${table}_of_visible_child ON ${table}`);
      await db.query(`CREATE POLICY ${table}_of_visible_child ON ${table} USING (${ofVisibleChild(table)}) WITH CHECK (${ofVisibleChild(table)})`);
    }
  }
}
