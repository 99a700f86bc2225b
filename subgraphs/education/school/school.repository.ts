import { In, type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { SchoolRow } from './school.entity';

export type NewSchool = Omit<SchoolRow, 'createdAt'>;

export function findSchoolsByIds(db: EntityManager, ids: readonly string[]): Promise<SchoolRow[]> {
  return db.getRepository(SchoolRow).findBy({ id: In([...ids]) });
}

/** One page of schools in id order, optionally those whose township (or, without one, region) code starts with the prefix. */
export function listSchools(db: EntityManager, regionPrefix: string | null, window: PageWindow): Promise<SchoolRow[]> {
  const query = db.getRepository(SchoolRow).createQueryBuilder('school').orderBy('school.id').limit(window.limit);
  if (window.afterId) query.andWhere('school.id > :afterId', { afterId: window.afterId });
  if (regionPrefix) query.andWhere('coalesce(school.township_code, school.region_code) LIKE :prefix', { prefix: `${regionPrefix}%` });
  return query.getMany();
}
