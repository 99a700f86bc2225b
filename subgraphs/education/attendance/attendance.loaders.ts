import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { findNewestAbsences } from './attendance.repository';

/** The attendance DataLoaders of one request. */
export function createAttendanceLoaders(db: EntityManager) {
  return {
    newestAbsences: newestPerChildLoader((childIds, last) => findNewestAbsences(db, childIds, last)),
  };
}
