import type { MigrationInterface, QueryRunner } from 'typeorm';

type Place = 'household' | 'residence';
type Row = '' | 'NEW.';

/** A place's finest code (village, township or county) as the area rule reads it (1764600000001). */
const finest = (place: Place, row: Row) => `coalesce(${row}${place}_village_code, ${row}${place}_township_code, ${row}${place}_region_code)::text`;

/** The stored levels above the county: the first digits of the finest code (every code has at least its county's six). */
const LEVELS = { province: 2, city: 4 } as const;
type Level = keyof typeof LEVELS;
const NEW_LEVELS = Object.keys(LEVELS) as Level[];
const areaOf = (level: Level | 'county', place: Place, row: Row) => `left(${finest(place, row)}, ${level === 'county' ? 6 : LEVELS[level]})`;

/**
 * The indexes on (area, id) per level: [level, residence column, household column]. A township and a
 * village are the place's own codes (the CHECKs of 1764500000000 keep a village inside its township
 * and a township inside its county, so a 9- or 12-digit token is a prefix of the finest code exactly
 * when it equals that code). child_residence_township_idx (1764500000000, for prefix searches) has the
 * township and the id too, but measured, the planner does not read it in id order: a township's first
 * page read all its 60 children and sorted them; from the index here, 21 rows.
 */
const INDEXED: [string, string, string][] = [
  ...NEW_LEVELS.map((level): [string, string, string] => [level, `residence_${level}`, `household_${level}`]),
  ['township', 'residence_township_code', 'household_township_code'],
  ['village', 'residence_village_code', 'household_village_code'],
];

/**
 * Issue 14, "rows scale with the page, not the registry", for every level a token may name. After
 * 1764700200000 a token of whole counties reads its page county by county in id order; a township or
 * village token still read every child of its area and sorted them, per page, and a city or province
 * token walked the registry in id order testing each child (page × registry ÷ area rows).
 *
 * Each child's household and residence province and city are stored beside the county (one trigger
 * function now sets the four, replacing the county one), and each level has btree indexes on
 * (area, id) as the county has: the list (child.repository.ts) reads each of the token's areas in id
 * order and stops at the page's end. The household indexes hold only the children whose household area
 * differs from their residence's at that level, as for the county; the residence township and
 * village indexes only children known to one. (A village token read through its township's index instead, measured
 * at 102,000 children: a village of 10 in a township of 60, 60 rows read and 50 thrown away, 42
 * buffers; by its own index the 9 or 10 rows, 12 buffers.)
 *
 * Columns, not expression indexes, measured (102,000 children, a city token, page of 20): with an
 * index on `(left(residence_county, 4), id)` the owner's query reads 21 rows, 24 buffers from it, but
 * under the read policy the same condition is only a filter after the policy (left() is not
 * leakproof, and only a superuser may declare a function so), and the page walked the registry by id
 * as before: 347 rows read, 326 thrown away, 545 buffers. A plain column compared with a value
 * (texteq, bpchareq: leakproof) is an index condition under the policy.
 * A wrong value could only leave a child off an area's list, never add one: the policy is unchanged.
 */
export class ChildAreaReach1764700450000 implements MigrationInterface {
  name = 'ChildAreaReach1764700450000';

  async up(db: QueryRunner): Promise<void> {
    const columns = NEW_LEVELS.flatMap((level) => [`ADD COLUMN household_${level} text`, `ADD COLUMN residence_${level} text`]);
    await db.query(`ALTER TABLE child ${columns.join(', ')}`);
    await db.query(`DROP TRIGGER child_counties ON child`);
    await db.query(`DROP FUNCTION child_set_counties()`);
    const assignments = (['household', 'residence'] as const).flatMap((place) =>
      (['county', ...NEW_LEVELS] as const).map((level) => `NEW.${place}_${level} := ${areaOf(level, place, 'NEW.')};`),
    );
    await db.query(`
      CREATE FUNCTION child_set_areas() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${assignments.join('\n        ')}
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER child_areas BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION child_set_areas()`);
    const set = (['household', 'residence'] as const).flatMap((place) => NEW_LEVELS.map((level) => `${place}_${level} = ${areaOf(level, place, '')}`));
    await db.query(`UPDATE child SET ${set.join(', ')}`);
    for (const [level, residence, household] of INDEXED) {
      await db.query(`CREATE INDEX child_residence_${level}_id_idx ON child (${residence}, id) WHERE ${residence} IS NOT NULL`);
      await db.query(
        `CREATE INDEX child_household_${level}_id_idx ON child (${household}, id) WHERE ${household} IS NOT NULL AND ${household} IS DISTINCT FROM ${residence}`,
      );
    }
    await db.query(`ANALYZE child`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [level] of INDEXED) {
      await db.query(`DROP INDEX child_household_${level}_id_idx`);
      await db.query(`DROP INDEX child_residence_${level}_id_idx`);
    }
    await db.query(`DROP TRIGGER child_areas ON child`);
    await db.query(`DROP FUNCTION child_set_areas()`);
    // The county trigger as 1764700200000 made it.
    await db.query(`
      CREATE FUNCTION child_set_counties() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.household_county := ${areaOf('county', 'household', 'NEW.')};
        NEW.residence_county := ${areaOf('county', 'residence', 'NEW.')};
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER child_counties BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION child_set_counties()`);
    const columns = NEW_LEVELS.flatMap((level) => [`DROP COLUMN household_${level}`, `DROP COLUMN residence_${level}`]);
    await db.query(`ALTER TABLE child ${columns.join(', ')}`);
  }
}
