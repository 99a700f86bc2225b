import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { CareWorkerRow } from './care-worker.entity';

/** Data access for child directors and supervisors. */

export type NewCareWorker = Omit<CareWorkerRow, 'createdAt'>;

export function findCareWorkersByIds(db: EntityManager, ids: readonly string[]): Promise<CareWorkerRow[]> {
  return db.getRepository(CareWorkerRow).findBy({ id: In([...ids]) });
}

/** One page of care workers in id order, of a role and within an area (a prefix of their village or township code). */
export function listCareWorkers(db: EntityManager, filter: { prefix: string | null; role: string | null }, window: PageWindow): Promise<CareWorkerRow[]> {
  const query = db.getRepository(CareWorkerRow).createQueryBuilder('w').orderBy('w.id').limit(window.limit);
  if (window.afterId) query.andWhere('w.id > :afterId', { afterId: window.afterId });
  if (filter.prefix) query.andWhere('coalesce(w.village_code, w.township_code) LIKE :prefix', { prefix: `${filter.prefix}%` });
  if (filter.role) query.andWhere('w.role = :role', { role: filter.role });
  return query.getMany();
}
