import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The county (first six digits) of a place's finest code, as the area rule reads the place (1764600000001). */
const county = (place: 'household' | 'residence', row: '' | 'NEW.') =>
  `left(coalesce(${row}${place}_village_code, ${row}${place}_township_code, ${row}${place}_region_code)::text, 6)`;

/**
 * Issue 14, "rows scale with the page, not the registry", for county tokens. The read policy
 * (1764600000001) lets the planner find a county's children by the GIN index on their area prefixes,
 * but not in id order: a county's page was found either by walking the whole registry in id order
 * and testing each child (registry / county children read per child shown: about 30 with a county
 * holding 2–3 % of the registry, and more as the registry grows) or by reading every child of the
 * county and sorting them.
 *
 * Each child's household and residence county, stored, with a btree index on (county, id): the list
 * statement for a county token (child.repository.ts) reads the county's children in id order from
 * these and stops at the page's end. The household index holds only the children whose household
 * county differs from their residence's (the list reads the others through the residence index), so
 * neither index is scanned for rows the other one returns.
 *
 * Columns, not expression indexes: a condition the list statement adds is applied after the
 * row-security policy unless every function in it is leakproof (left() is not), so only a plain column
 * compared with a value can be an index condition there. Set by a trigger on every insert and update
 * rather than generated: TypeORM reads a generated column's expression from a table of its own
 * that this schema does not keep. A wrong value could only leave a child off a county's list, never
 * add one: the policy is unchanged, and who reaches which child stays exactly as it was.
 */
export class ChildCountyReach1764700200000 implements MigrationInterface {
  name = 'ChildCountyReach1764700200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE child ADD COLUMN household_county text, ADD COLUMN residence_county text`);
    await db.query(`
      CREATE FUNCTION child_set_counties() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.household_county := ${county('household', 'NEW.')};
        NEW.residence_county := ${county('residence', 'NEW.')};
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER child_counties BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION child_set_counties()`);
    await db.query(`UPDATE child SET household_county = ${county('household', '')}, residence_county = ${county('residence', '')}`);
    await db.query(`CREATE INDEX child_residence_county_idx ON child (residence_county, id)`);
    await db.query(`CREATE INDEX child_household_county_idx ON child (household_county, id) WHERE household_county IS DISTINCT FROM residence_county`);
    await db.query(`ANALYZE child`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX child_household_county_idx`);
    await db.query(`DROP INDEX child_residence_county_idx`);
    await db.query(`DROP TRIGGER child_counties ON child`);
    await db.query(`DROP FUNCTION child_set_counties()`);
    await db.query(`ALTER TABLE child DROP COLUMN household_county, DROP COLUMN residence_county`);
  }
}
