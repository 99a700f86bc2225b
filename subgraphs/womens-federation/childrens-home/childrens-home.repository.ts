import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { ChildrensHomeRow } from './childrens-home.entity';

export function findChildrensHomesByIds(db: EntityManager, ids: readonly string[]): Promise<ChildrensHomeRow[]> {
  return db.getRepository(ChildrensHomeRow).findBy({ id: In([...ids]) });
}

/** One page of children's homes in id order, optionally within a region. */
export function listChildrensHomes(db: EntityManager, regionPrefix: string | null, window: PageWindow): Promise<ChildrensHomeRow[]> {
  const query = db.getRepository(ChildrensHomeRow).createQueryBuilder('home').orderBy('home.id').limit(window.limit);
  if (window.afterId) query.andWhere('home.id > :afterId', { afterId: window.afterId });
  if (regionPrefix) query.andWhere('home.region_code LIKE :prefix', { prefix: `${regionPrefix}%` });
  return query.getMany();
}
