import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { daysBefore } from '../../shared/dates';
import { groupLoader, rowLoader } from '../../shared/loaders';
import {
  findChildrenWithContactOverdue,
  findContactsOfScreenings,
  findNewestInterventions,
  findNewestScreenings,
  findScreeningsByIds,
} from './wellbeing.repository';
import { CONTACT_DEADLINE_DAYS } from './wellbeing.service';

/** The wellbeing DataLoaders of one request. */
export function createWellbeingLoaders(db: EntityManager) {
  return {
    screeningById: rowLoader(
      (ids: readonly string[]) => findScreeningsByIds(db, ids),
      (row) => row.id,
    ),
    newestScreenings: newestPerChildLoader((childIds, last) => findNewestScreenings(db, childIds, last)),
    newestInterventions: newestPerChildLoader((childIds, last) => findNewestInterventions(db, childIds, last)),
    contactsByScreeningId: groupLoader(
      (ids: readonly string[]) => findContactsOfScreenings(db, ids),
      (row) => row.screeningId,
    ),
    wellbeingContactOverdueByChildId: new DataLoader<string, boolean>(async (childIds) => {
      const overdue = new Set(await findChildrenWithContactOverdue(db, childIds, daysBefore(CONTACT_DEADLINE_DAYS)));
      return childIds.map((childId) => overdue.has(childId));
    }),
  };
}
