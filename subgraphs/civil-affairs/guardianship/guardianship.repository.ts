import { In, IsNull, type EntityManager } from 'typeorm';
import { GuardianshipRow, ReentrustmentNoticeRow } from './guardianship.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

/** Data access for guardianships and re-entrustment notices. */

/** Each child's current guardianship: its latest version. */
export function findCurrentGuardianshipsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<GuardianshipRow[]> {
  return findPrepared(db, GuardianshipRow, CURRENT_BY_CHILD_IDS, [childIds]);
}

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const CURRENT_BY_CHILD_IDS = preparedStatement(
  'current_guardianships_by_child_ids',
  `SELECT DISTINCT ON (child_id) child_id, version, form, guardian_name, guardian_relationship, guardian_phone,
          guardian_address, guardian_capacity, since, reported_to_village_on, reported_to_school_on, recorded_at, recorded_by
     FROM guardianship WHERE child_id = ANY ($1::uuid[])
    ORDER BY child_id, version DESC`,
);

/** Every version of each child's guardianship, newest first. */
export function findGuardianshipHistoryByChildIds(db: EntityManager, childIds: readonly string[]): Promise<GuardianshipRow[]> {
  return db.getRepository(GuardianshipRow).find({ where: { childId: In([...childIds]) }, order: { version: 'DESC' } });
}

export function findCurrentGuardianship(em: EntityManager, childId: string): Promise<GuardianshipRow | null> {
  return em.getRepository(GuardianshipRow).findOne({ where: { childId }, order: { version: 'DESC' } });
}

export async function insertGuardianship(em: EntityManager, row: Omit<GuardianshipRow, 'recordedAt'>): Promise<GuardianshipRow> {
  await em.getRepository(GuardianshipRow).insert(row);
  return em.getRepository(GuardianshipRow).findOneByOrFail({ childId: row.childId, version: row.version });
}

export function findNoticesByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ReentrustmentNoticeRow[]> {
  return db.getRepository(ReentrustmentNoticeRow).find({ where: { childId: In([...childIds]) }, order: { openedAt: 'DESC' } });
}

/** The child's open notice, locked until the transaction ends. */
export function lockOpenNotice(em: EntityManager, childId: string): Promise<ReentrustmentNoticeRow | null> {
  return em.getRepository(ReentrustmentNoticeRow).findOne({ where: { childId, closedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
}

export function lockNotice(em: EntityManager, id: string): Promise<ReentrustmentNoticeRow | null> {
  return em.getRepository(ReentrustmentNoticeRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export function getNotice(db: EntityManager, id: string): Promise<ReentrustmentNoticeRow> {
  return db.getRepository(ReentrustmentNoticeRow).findOneByOrFail({ id });
}

export async function insertNotice(
  em: EntityManager,
  row: Pick<ReentrustmentNoticeRow, 'id' | 'childId' | 'cause' | 'guardianshipVersion' | 'verificationId' | 'openedBy'>,
): Promise<void> {
  await em.getRepository(ReentrustmentNoticeRow).insert(row);
}

export async function closeNotice(em: EntityManager, id: string, closedBy: string, closingGuardianshipVersion: number): Promise<void> {
  await em
    .createQueryBuilder()
    .update(ReentrustmentNoticeRow)
    .set({ closedAt: () => 'now()', closedBy, closingGuardianshipVersion, version: () => 'version + 1' })
    .where('id = :id', { id })
    .execute();
}

export async function recordParentsNotifiedIfVersion(em: EntityManager, id: string, expectedVersion: number, notifiedOn: string, by: string): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(ReentrustmentNoticeRow)
    .set({ parentsNotifiedOn: notifiedOn, parentsNotifiedBy: by, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}
