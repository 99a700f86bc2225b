import { type EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { SchoolRow } from './school.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewSchool = Omit<SchoolRow, 'createdAt'>;

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_IDS = preparedStatement(
  'schools_by_ids',
  `SELECT id, name, region_code, township_code, village, type, boarding, created_at, created_by FROM school WHERE id = ANY ($1::uuid[])`,
);

export function findSchoolsByIds(db: EntityManager, ids: readonly string[]): Promise<SchoolRow[]> {
  return findPrepared(db, SchoolRow, BY_IDS, [ids]);
}

/** One page of schools in id order, optionally those whose township (or, without one, region) code starts with the prefix. */
export function listSchools(db: EntityManager, regionPrefix: string | null, window: PageWindow): Promise<SchoolRow[]> {
  const query = db.getRepository(SchoolRow).createQueryBuilder('school').orderBy('school.id').limit(window.limit);
  if (window.afterId) query.andWhere('school.id > :afterId', { afterId: window.afterId });
  if (regionPrefix) query.andWhere('coalesce(school.township_code, school.region_code) LIKE :prefix', { prefix: `${regionPrefix}%` });
  return query.getMany();
}
