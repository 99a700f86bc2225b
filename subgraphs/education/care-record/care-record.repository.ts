import type { EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import { AcademicSupportRow, BoardingLeaveRow, HomeVisitRow } from './care-record.entity';

/** Each child's newest home visits. */
export function findNewestHomeVisits(db: EntityManager, childIds: readonly string[], last: number): Promise<HomeVisitRow[]> {
  return newestPerChild(db, HomeVisitRow, childIds, last, { column: 'visited_on', property: 'visitedOn' });
}

/** Each child's newest tutoring arrangements. */
export function findNewestAcademicSupport(db: EntityManager, childIds: readonly string[], last: number): Promise<AcademicSupportRow[]> {
  return newestPerChild(db, AcademicSupportRow, childIds, last, { column: 'starts_on', property: 'startsOn' });
}

/** Each child's newest boarding leaves. */
export function findNewestBoardingLeaves(db: EntityManager, childIds: readonly string[], last: number): Promise<BoardingLeaveRow[]> {
  return newestPerChild(db, BoardingLeaveRow, childIds, last, { column: 'leaves_on', property: 'leavesOn' });
}
