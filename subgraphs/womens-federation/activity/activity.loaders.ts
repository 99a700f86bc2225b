import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { groupLoader, rowLoader } from '../../shared/loaders';
import { findActivitiesByIds, findAttendanceOfActivities, findNewestAttendance } from './activity.repository';

/** The activity DataLoaders of one request. */
export function createActivityLoaders(db: EntityManager) {
  return {
    activityById: rowLoader(
      (ids: readonly string[]) => findActivitiesByIds(db, ids),
      (row) => row.id,
    ),
    attendanceByActivityId: groupLoader(
      (ids: readonly string[]) => findAttendanceOfActivities(db, ids),
      (row) => row.activityId,
    ),
    newestAttendance: newestPerChildLoader((childIds, last) => findNewestAttendance(db, childIds, last)),
  };
}
