import { type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { PartnerRow } from './partner.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewPartner = Omit<PartnerRow, 'createdAt'>;

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_IDS = preparedStatement(
  'partners_by_ids',
  `SELECT id, name, type, region_code, contact_phone, created_at, created_by FROM partner_organization WHERE id = ANY ($1::uuid[])`,
);

export function findPartnersByIds(db: EntityManager, ids: readonly string[]): Promise<PartnerRow[]> {
  return findPrepared(db, PartnerRow, BY_IDS, [ids]);
}

/** One page of partners in id order. */
export function listPartners(db: EntityManager, window: PageWindow): Promise<PartnerRow[]> {
  const query = db.getRepository(PartnerRow).createQueryBuilder('partner').orderBy('partner.id').limit(window.limit);
  if (window.afterId) query.where('partner.id > :afterId', { afterId: window.afterId });
  return query.getMany();
}
