import { In, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../../platform/errors';
import type { PageWindow } from '../../shared/pagination';
import { ChildRow } from './child.entity';
import type { ChildFilter } from './child.inputs';

/** Data access for children: every statement about a child's row lives here. */

export function findChildrenByIds(db: EntityManager, ids: readonly string[]): Promise<ChildRow[]> {
  return db.getRepository(ChildRow).findBy({ id: In([...ids]) });
}

/** The child row, locked until the transaction ends, so a versioned update cannot race. */
export function lockChild(em: EntityManager, id: string): Promise<ChildRow | null> {
  return em.getRepository(ChildRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function findChildIdByNationalIdHash(db: EntityManager, hash: string): Promise<string | null> {
  const row = await db.getRepository(ChildRow).findOne({ select: { id: true }, where: { nationalIdHash: hash } });
  return row?.id ?? null;
}

/** One page of children matching the filter, in id order, in one statement. */
export function listChildren(db: EntityManager, filter: ChildFilter, window: PageWindow): Promise<ChildRow[]> {
  const query = db.getRepository(ChildRow).createQueryBuilder('child').orderBy('child.id').limit(window.limit);
  if (window.afterId) query.andWhere('child.id > :afterId', { afterId: window.afterId });
  if (filter.regionPrefix) query.andWhere('child.residence_region_code LIKE :prefix', { prefix: `${filter.regionPrefix}%` });
  if (filter.status) query.andWhere('child.status = :status', { status: filter.status });
  if (filter.guardianshipForm) {
    query.andWhere('EXISTS (SELECT 1 FROM guardianship g WHERE g.child_id = child.id AND g.form = :form)', {
      form: filter.guardianshipForm,
    });
  }
  if (filter.leftBehindType || typeof filter.isLeftBehind === 'boolean') {
    query.innerJoin('child_classification', 'cc', 'cc.child_id = child.id');
    if (filter.leftBehindType) query.andWhere('cc.left_behind_type = :type', { type: filter.leftBehindType });
    if (typeof filter.isLeftBehind === 'boolean') query.andWhere('cc.is_left_behind = :lb', { lb: filter.isLeftBehind });
  }
  return query.getMany();
}

export type NewChild = Omit<ChildRow, 'status' | 'statusReason' | 'lastReviewedAt' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * Inserts a child unless its national ID is already registered. Returns the id of the child
 * now holding that ID: the new one, or the one registered before (never a duplicate).
 */
export async function insertChildOnce(em: EntityManager, child: NewChild): Promise<{ id: string; inserted: boolean }> {
  const inserted: { id: string }[] = await em.query(
    `INSERT INTO child (id, name, gender, birth_date, ethnicity, national_id_encrypted, national_id_hash,
                        household_region_code, household_village, residence_region_code, residence_village, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
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
    ],
  );
  if (inserted.length) return { id: inserted[0].id, inserted: true };
  const existing = await findChildIdByNationalIdHash(em, child.nationalIdHash!);
  // Row-level security hides a child registered outside the caller's jurisdiction. A second file
  // would split the child's record, so the registration is refused; the answer names no child, no
  // county and no registration, only that this caller cannot register this ID (README, "No
  // existence oracle"). The look-up was already counted and logged.
  if (!existing) {
    throw new DomainError(ErrorCode.CONFLICT, 'This national ID cannot be registered by you. Ask the civil-affairs registry office to check it.', {
      field: 'nationalId',
    });
  }
  return { id: existing, inserted: false };
}

export type ChildChanges = Partial<
  Pick<
    ChildRow,
    | 'name'
    | 'gender'
    | 'birthDate'
    | 'ethnicity'
    | 'nationalIdEncrypted'
    | 'nationalIdHash'
    | 'householdRegionCode'
    | 'householdVillage'
    | 'residenceRegionCode'
    | 'residenceVillage'
  >
>;

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
