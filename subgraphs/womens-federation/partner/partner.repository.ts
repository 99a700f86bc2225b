import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { PartnerRow } from './partner.entity';

export type NewPartner = Omit<PartnerRow, 'createdAt'>;

export function findPartnersByIds(db: EntityManager, ids: readonly string[]): Promise<PartnerRow[]> {
  return db.getRepository(PartnerRow).findBy({ id: In([...ids]) });
}

/** One page of partners in id order. */
export function listPartners(db: EntityManager, window: PageWindow): Promise<PartnerRow[]> {
  const query = db.getRepository(PartnerRow).createQueryBuilder('partner').orderBy('partner.id').limit(window.limit);
  if (window.afterId) query.where('partner.id > :afterId', { afterId: window.afterId });
  return query.getMany();
}
