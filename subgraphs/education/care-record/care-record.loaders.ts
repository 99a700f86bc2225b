import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { findNewestAcademicSupport, findNewestBoardingLeaves, findNewestHomeVisits } from './care-record.repository';

/** The care-record DataLoaders of one request. */
export function createCareRecordLoaders(db: EntityManager) {
  return {
    newestHomeVisits: newestPerChildLoader((childIds, last) => findNewestHomeVisits(db, childIds, last)),
    newestAcademicSupport: newestPerChildLoader((childIds, last) => findNewestAcademicSupport(db, childIds, last)),
    newestBoardingLeaves: newestPerChildLoader((childIds, last) => findNewestBoardingLeaves(db, childIds, last)),
  };
}
