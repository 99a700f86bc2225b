import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { findNewestAid } from './aid.repository';

/** The aid DataLoaders of one request. */
export function createAidLoaders(db: EntityManager) {
  return {
    newestAid: newestPerChildLoader((childIds, last) => findNewestAid(db, childIds, last)),
  };
}
