import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { hydrateRows, runPreparedText } from '../../shared/prepared-statement';
import { ChildRow } from './child.entity';
import type { ChildFilter } from './child.inputs';

/** Data access for children: every statement about a child's row lives here. */

export function findChildrenByIds(db: EntityManager, ids: readonly string[]): Promise<ChildRow[]> {
  return db.getRepository(ChildRow).findBy({ id: In([...ids]) });
}

/**
 * Children as another agency's records name them: those the caller reaches, archived files included
 * (the registry's own lists and look-ups leave those out; see app_children_by_reference).
 */
export async function findChildrenByReference(db: EntityManager, ids: readonly string[]): Promise<ChildRow[]> {
  const raw: Record<string, unknown>[] = await db.query('SELECT * FROM app_children_by_reference($1::uuid[])', [[...ids]]);
  return hydrateRows(db, ChildRow, raw);
}

/** The child row, locked until the transaction ends, so a versioned update cannot race. */
export function lockChild(em: EntityManager, id: string): Promise<ChildRow | null> {
  return em.getRepository(ChildRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function findChildIdByNationalIdHash(db: EntityManager, hash: string): Promise<string | null> {
  const row = await db.getRepository(ChildRow).findOne({ select: { id: true }, where: { nationalIdHash: hash } });
  return row?.id ?? null;
}

/** An area level of each child's household and residence, indexed with the id (migrations 1764700200000, 1764700450000). */
export type AreaLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** The column of a place's area at a level: the stored province, city or county, or the place's own township or village code. */
const areaColumn = (place: 'household' | 'residence', level: AreaLevel) =>
  level === 'township' || level === 'village' ? `child.${place}_${level}_code` : `child.${place}_${level}`;

/** One area a page is read from: the children whose household or residence lies in it, in id order, from its level's indexes. */
export interface AreaArm {
  level: AreaLevel;
  code: string;
}

/**
 * One page of children matching the filter, in id order, in one statement. `areas`: when the caller
 * reaches children by area (and in its charge) only, areas covering its jurisdiction, none inside
 * another (child.service.ts `areaArms`); the page is then read area by area in id order (below)
 * instead of walking the registry or sorting a whole area.
 */
export async function listChildren(db: EntityManager, filter: ChildFilter, window: PageWindow, areas: readonly AreaArm[] | null): Promise<ChildRow[]> {
  const query = db.getRepository(ChildRow).createQueryBuilder('child').orderBy('child.id').limit(window.limit);
  if (window.afterId) query.andWhere('child.id > :afterId', { afterId: window.afterId });
  // The finest place known: a county, township or village prefix finds exactly the children living there.
  if (filter.regionPrefix) {
    query.andWhere('coalesce(child.residence_village_code, child.residence_township_code, child.residence_region_code) LIKE :prefix', {
      prefix: `${filter.regionPrefix}%`,
    });
  }
  if (filter.status) query.andWhere('child.status = :status', { status: filter.status });
  if (filter.guardianshipForm) {
    // The current guardianship: the latest version.
    query.andWhere('(SELECT g.form FROM guardianship g WHERE g.child_id = child.id ORDER BY g.version DESC LIMIT 1) = :form', {
      form: filter.guardianshipForm,
    });
  }
  if (filter.leftBehindType || typeof filter.isLeftBehind === 'boolean') {
    query.innerJoin('child_classification', 'cc', 'cc.child_id = child.id');
    if (filter.leftBehindType) query.andWhere('cc.left_behind_type = :type', { type: filter.leftBehindType });
    if (typeof filter.isLeftBehind === 'boolean') query.andWhere('cc.is_left_behind = :lb', { lb: filter.isLeftBehind });
  }
  const [sql, parameters] = areas?.length ? byArea(query, areas, window.limit) : query.getQueryAndParameters();
  // Prepared by its text (shared/prepared-statement.ts): planned once per connection and variant.
  return hydrateRows(db, ChildRow, await runPreparedText(db, sql, parameters), 'child_');
}

/**
 * The page as the union of disjoint arms, each the same query (filters, order, limit) narrowed to
 * one way the caller reaches a child, each read in id order from its index and stopped at the page's
 * end: per area, the children living there; per area, those registered there (household) who live
 * in none of the areas; and the children in the caller's charge (care workers) in none of them. No
 * area lies inside another, so each child living in one is read by one arm. They cover every child
 * the read policy lets a caller with no school or partner claim reach by area or charge (the policy's
 * other arms need one), and the policy still filters every row: the arms only narrow where to look.
 */
function byArea(page: SelectQueryBuilder<ChildRow>, areas: readonly AreaArm[], limit: number): [string, unknown[]] {
  const levels = [...new Set(areas.map((area) => area.level))];
  const codes = Object.fromEntries(levels.map((level) => [`${level}Codes`, areas.filter((area) => area.level === level).map((area) => area.code)]));
  // Plain columns compared with values (texteq, bpchareq: leakproof), so an index answers them under the policy.
  const outside = (place: 'household' | 'residence') =>
    `(${levels.map((level) => `${areaColumn(place, level)} = ANY (:${level}Codes)`).join(' OR ')}) IS NOT TRUE`;
  const arms = [
    ...areas.map(({ level, code }) => [`${areaColumn('residence', level)} = :code`, { code }] as const),
    ...areas.map(({ level, code }) => {
      const [household, residence] = [areaColumn('household', level), areaColumn('residence', level)];
      return [`${household} = :code AND ${household} IS DISTINCT FROM ${residence} AND ${outside('residence')}`, { code }] as const;
    }),
    [`child.id = ANY (app_children_in_charge()) AND ${outside('residence')} AND ${outside('household')}`, {}] as const,
  ];
  const sql: string[] = [];
  const parameters: unknown[] = [];
  for (const [condition, values] of arms) {
    const [armSql, armParameters] = page
      .clone()
      .andWhere(condition, { ...values, ...codes })
      .getQueryAndParameters();
    // Each arm numbers its parameters from $1: shift them past the earlier arms'.
    const offset = parameters.length;
    sql.push(`(${armSql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    parameters.push(...armParameters);
  }
  return [`SELECT * FROM (${sql.join(' UNION ALL ')}) page ORDER BY page.child_id LIMIT ${limit}`, parameters];
}

/** The state of the file the registry keeps beside the child's facts: review, archiving, who is in charge. */
type FileState = 'status' | 'statusReason' | 'archiveReason' | 'lastReviewedAt' | 'lastReviewedOn' | 'lastReviewedBy' | 'childDirectorId' | 'childSupervisorId';

/** Set by the database, never by the service. */
type Bookkeeping = 'version' | 'createdAt' | 'updatedAt' | `${'household' | 'residence'}${'Province' | 'City' | 'County'}`;

export type NewChild = Omit<ChildRow, FileState | Bookkeeping>;

/**
 * Inserts a child unless its national ID is already registered. Returns the id of the child
 * now holding that ID: the new one, or the one registered before (never a duplicate).
 */
export async function insertChildOnce(em: EntityManager, child: NewChild): Promise<{ id: string; inserted: boolean } | { heldOutsideRows: true }> {
  const inserted: { id: string }[] = await em.query(
    `INSERT INTO child (id, name, gender, birth_date, ethnicity, national_id_encrypted, national_id_hash,
                        household_region_code, household_village, residence_region_code, residence_village, created_by,
                        household_township_code, household_village_code, residence_township_code, residence_village_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (national_id_hash) WHERE national_id_hash IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      child.id,
      child.name,
      child.gender,
      child.birthDate,
      child.ethnicity,
      child.nationalIdEncrypted,
      child.nationalIdHash,
      child.householdRegionCode,
      child.householdVillage,
      child.residenceRegionCode,
      child.residenceVillage,
      child.createdBy,
      child.householdTownshipCode,
      child.householdVillageCode,
      child.residenceTownshipCode,
      child.residenceVillageCode,
    ],
  );
  if (inserted.length) return { id: inserted[0].id, inserted: true };
  const existing = await findChildIdByNationalIdHash(em, child.nationalIdHash!);
  // Row-level security hides a child registered outside the caller's rows: the caller learns
  // something of another county's registry here, which the service counts and refuses to say.
  return existing ? { id: existing, inserted: false } : { heldOutsideRows: true };
}

/** What an update may change: every fact and the file's state, never the id, the creator or the bookkeeping. */
export type ChildChanges = Partial<Omit<ChildRow, 'id' | 'createdBy' | Bookkeeping>>;

/** Applies changes only if the stored version is still `expectedVersion`; returns whether it did. */
export async function updateChildIfVersion(em: EntityManager, id: string, expectedVersion: number, changes: ChildChanges): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(ChildRow)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}

/**
 * Writes a national-ID look-up to the probe log and says whether the principal is still under its
 * hourly limit (counted across replicas in the database).
 */
export async function admitNationalIdLookup(db: EntityManager, principal: { sub: string; org: string }, operation: string, perHour: number): Promise<boolean> {
  const [row]: { admitted: boolean }[] = await db.query('SELECT admit_national_id_lookup($1, $2, $3, $4) AS admitted', [
    principal.sub,
    principal.org,
    operation,
    perHour,
  ]);
  return row?.admitted === true;
}

/**
 * Whether the child now has a reason to be in the registry: left-behind under the national
 * definition, or in a difficult-circumstance category (as the classification and the risk status derive them).
 */
export async function childQualifies(em: EntityManager, id: string): Promise<boolean> {
  const rows: { qualifies: boolean }[] = await em.query(
    `SELECT cc.is_left_behind OR child_in_difficulty(c.id, c.birth_date) AS qualifies
       FROM child c JOIN child_classification cc ON cc.child_id = c.id WHERE c.id = $1`,
    [id],
  );
  return rows[0]?.qualifies ?? false;
}
