import type { EntityManager } from 'typeorm';
import { newestPerChildLoader } from '../../shared/child-records';
import { findNewestParentContacts } from './parent-contact.repository';

/** The parent-contact DataLoaders of one request. */
export function createParentContactLoaders(db: EntityManager) {
  return {
    newestParentContacts: newestPerChildLoader((childIds, last) => findNewestParentContacts(db, childIds, last)),
  };
}
