import type { EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import { AidGrantRow } from './aid.entity';

/** Each child's newest aid grants. */
export function findNewestAid(db: EntityManager, childIds: readonly string[], last: number): Promise<AidGrantRow[]> {
  return newestPerChild(db, AidGrantRow, childIds, last, { column: 'granted_on', property: 'grantedOn' });
}
