import { In, type EntityManager } from 'typeorm';
import { PairingRow } from './pairing.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewPairing = Omit<PairingRow, 'createdAt'>;

/** The pairings of each child, newest first. */
export function findPairingsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<PairingRow[]> {
  return findPrepared(db, PairingRow, BY_CHILD_IDS, [childIds]);
}

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_CHILD_IDS = preparedStatement(
  'pairings_by_child_ids',
  `SELECT id, child_id, programme_id, helper_name, helper_role, helper_phone, since, until, contact_frequency,
          helper_occupation, end_reason, version, created_at, created_by
     FROM pairing WHERE child_id = ANY ($1::uuid[]) ORDER BY since DESC`,
);

/** The row with this id, which must exist (the one a create returned). */
export function getPairing(db: EntityManager, id: string): Promise<PairingRow> {
  return db.getRepository(PairingRow).findOneByOrFail({ id });
}

/** The pairing, locked until the transaction ends; null when the caller does not reach it. */
export function lockPairing(em: EntityManager, id: string): Promise<PairingRow | null> {
  return em.getRepository(PairingRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function endPairing(em: EntityManager, current: PairingRow, change: Pick<PairingRow, 'until' | 'endReason'>): Promise<void> {
  await em.getRepository(PairingRow).update({ id: current.id, version: current.version }, { ...change, version: current.version + 1 });
}

/** One page of each programme's pairings (current ones only when `activeOn` is given), all programmes in one statement. */
export async function findPairingPages(
  db: EntityManager,
  programmeIds: readonly string[],
  page: { afterId: string | null; limit: number; activeOn: string | null },
): Promise<PairingRow[]> {
  const ids: { id: string }[] = await db.query(
    `SELECT p.id
       FROM unnest($1::uuid[]) AS pr(id)
       CROSS JOIN LATERAL (
         SELECT id FROM pairing
          WHERE programme_id = pr.id AND ($2::uuid IS NULL OR id > $2::uuid)
            AND ($4::date IS NULL OR (since <= $4::date AND (until IS NULL OR until >= $4::date)))
          ORDER BY id LIMIT $3) p`,
    [programmeIds, page.afterId, page.limit, page.activeOn],
  );
  if (ids.length === 0) return [];
  return db.getRepository(PairingRow).find({ where: { id: In(ids.map((row) => row.id)) }, order: { id: 'ASC' } });
}
