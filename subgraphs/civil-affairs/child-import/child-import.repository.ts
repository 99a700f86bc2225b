import type { EntityManager } from 'typeorm';
import { insertSet, type SetColumn } from '../../shared/batch-insert';
import type { NewChild } from '../child/child.repository';
import type { GuardianshipRow } from '../guardianship/guardianship.entity';
import type { ParentRow } from '../parent/parent.entity';

/**
 * Every statement of a bulk registration: one per step whatever the number of rows (look-ups by
 * array, inserts by `unnest`), all under the caller's row-level security.
 */

/** The children the caller reaches holding these national-ID hashes. */
export async function childIdsByNationalIdHash(db: EntityManager, hashes: readonly string[]): Promise<Map<string, string>> {
  if (!hashes.length) return new Map();
  const rows: { id: string; hash: string }[] = await db.query(`SELECT id, national_id_hash AS hash FROM child WHERE national_id_hash = ANY ($1::text[])`, [
    hashes,
  ]);
  return new Map(rows.map((row) => [row.hash, row.id]));
}

export interface PersonKey {
  name: string;
  birthDate: string;
  township: string;
}

/** The children the caller reaches with no national ID and this name, birth date and township of residence, by `name|birthDate|township`. */
export async function childIdsByPerson(db: EntityManager, people: readonly PersonKey[]): Promise<Map<string, string>> {
  if (!people.length) return new Map();
  const rows: { id: string; key: string }[] = await db.query(
    `SELECT c.id, c.name || '|' || c.birth_date::text || '|' || c.residence_township_code AS key
       FROM child c JOIN unnest($1::text[], $2::date[], $3::text[]) AS p(name, birth_date, township)
         ON c.name = p.name AND c.birth_date = p.birth_date AND c.residence_township_code = p.township
      WHERE c.national_id_hash IS NULL`,
    [people.map((p) => p.name), people.map((p) => p.birthDate), people.map((p) => p.township)],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

const CHILD_COLUMNS: SetColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'ethnicity', type: 'text' },
  { name: 'national_id_encrypted', type: 'text' },
  { name: 'national_id_hash', type: 'text' },
  { name: 'household_region_code', type: 'text' },
  { name: 'household_township_code', type: 'text' },
  { name: 'household_village', type: 'text' },
  { name: 'residence_region_code', type: 'text' },
  { name: 'residence_township_code', type: 'text' },
  { name: 'residence_village', type: 'text' },
  { name: 'created_by', type: 'text' },
];

/**
 * Inserts the children, skipping any whose national ID is registered already (a child outside the
 * caller's rows, or one registered meanwhile): returns the ids inserted.
 */
export async function insertChildren(em: EntityManager, children: readonly NewChild[]): Promise<Set<string>> {
  const rows = children.map((c) => [
    c.id,
    c.name,
    c.gender,
    c.birthDate,
    c.ethnicity,
    c.nationalIdEncrypted,
    c.nationalIdHash,
    c.householdRegionCode,
    c.householdTownshipCode,
    c.householdVillage,
    c.residenceRegionCode,
    c.residenceTownshipCode,
    c.residenceVillage,
    c.createdBy,
  ]);
  const inserted = await insertSet<{ id: string }>(
    em,
    'child',
    CHILD_COLUMNS,
    rows,
    'ON CONFLICT (national_id_hash) WHERE national_id_hash IS NOT NULL DO NOTHING RETURNING id',
  );
  return new Set(inserted.map((row) => row.id));
}

const PARENT_COLUMNS: SetColumn[] = [
  { name: 'child_id', type: 'uuid' },
  { name: 'role', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'work_place', type: 'text' },
  { name: 'away_since', type: 'date' },
  { name: 'unable_to_guard', type: 'boolean' },
  { name: 'unable_reason', type: 'text' },
];

export async function insertParents(em: EntityManager, parents: readonly ParentRow[]): Promise<void> {
  await insertSet(
    em,
    'parent',
    PARENT_COLUMNS,
    parents.map((p) => [p.childId, p.role, p.name, p.phone, p.workPlace, p.awaySince, p.unableToGuard, p.unableReason]),
  );
}

const GUARDIANSHIP_COLUMNS: SetColumn[] = [
  { name: 'child_id', type: 'uuid' },
  { name: 'version', type: 'integer' },
  { name: 'form', type: 'text' },
  { name: 'guardian_name', type: 'text' },
  { name: 'guardian_relationship', type: 'text' },
  { name: 'guardian_phone', type: 'text' },
  { name: 'guardian_address', type: 'text' },
  { name: 'since', type: 'date' },
  { name: 'recorded_by', type: 'text' },
];

export async function insertGuardianships(em: EntityManager, rows: readonly Omit<GuardianshipRow, 'recordedAt'>[]): Promise<void> {
  await insertSet(
    em,
    'guardianship',
    GUARDIANSHIP_COLUMNS,
    rows.map((g) => [g.childId, g.version, g.form, g.guardianName, g.guardianRelationship, g.guardianPhone, g.guardianAddress, g.since, g.recordedBy]),
  );
}

/** Of these children, those with no reason to be in the registry (as childQualifies derives it, for all at once). */
export async function childrenNotQualifying(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: { id: string }[] = await em.query(
    // Joined to the ids as a set (a hash join), not filtered by = ANY, which is quadratic at ten thousand ids.
    `SELECT c.id FROM unnest($1::uuid[]) AS ids(id) JOIN child c ON c.id = ids.id JOIN child_classification cc ON cc.child_id = c.id
      WHERE NOT (cc.is_left_behind OR child_in_difficulty(c.id, c.birth_date))`,
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** Writes `count` national-ID probes to the probe log at once; whether the principal is still under its hourly limit. */
export async function admitNationalIdLookups(
  db: EntityManager,
  principal: { sub: string; org: string },
  operation: string,
  perHour: number,
  count: number,
): Promise<boolean> {
  const [row]: { admitted: boolean }[] = await db.query(
    'SELECT bool_and(admit_national_id_lookup($1, $2, $3, $4)) AS admitted FROM generate_series(1, $5::int)',
    [principal.sub, principal.org, operation, perHour, count],
  );
  return row?.admitted === true;
}
