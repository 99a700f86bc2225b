import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { findNewestFileChecks } from './sweep.repository';

/** The sweep DataLoaders of one request. */
export function createSweepLoaders(db: EntityManager) {
  return {
    newestFileChecks: newestPerChildLoader((childIds, last) => findNewestFileChecks(db, childIds, last)),
  };
}
