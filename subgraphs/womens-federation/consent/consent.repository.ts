import { IsNull, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { ConsentRow } from './consent.entity';

export type NewConsent = Omit<ConsentRow, 'revokedAt' | 'revokedBy' | 'recordedAt'>;

/** Children whose active consents open `category` to the partner for `purpose`. */
export async function activeConsentsFor(db: EntityManager, partnerId: string, category: string, purpose: string): Promise<string[]> {
  const rows: { child_id: string }[] = await db.query(
    `SELECT DISTINCT child_id FROM consent
      WHERE partner_id = $1 AND $2 = ANY (categories) AND purpose = $3
        AND revoked_at IS NULL AND current_date BETWEEN given_on AND expires_on`,
    [partnerId, category, purpose],
  );
  return rows.map((row) => row.child_id);
}

/** One page of consents in id order, optionally one child's. */
export function listConsents(db: EntityManager, childId: string | null, window: PageWindow): Promise<ConsentRow[]> {
  const query = db.getRepository(ConsentRow).createQueryBuilder('consent').orderBy('consent.id').limit(window.limit);
  if (window.afterId) query.andWhere('consent.id > :afterId', { afterId: window.afterId });
  if (childId) query.andWhere('consent.child_id = :childId', { childId });
  return query.getMany();
}

export function findConsent(db: EntityManager, id: string): Promise<ConsentRow | null> {
  return db.getRepository(ConsentRow).findOneBy({ id });
}

/** The row with this id, which must exist (the one a create returned). */
export function getConsent(db: EntityManager, id: string): Promise<ConsentRow> {
  return db.getRepository(ConsentRow).findOneByOrFail({ id });
}

/** Marks the consent revoked, unless it already is (the first revocation's time and author stay). */
export async function revokeConsent(db: EntityManager, id: string, revokedBy: string): Promise<void> {
  await db.getRepository(ConsentRow).update({ id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
}
