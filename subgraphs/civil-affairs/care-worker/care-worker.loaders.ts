import type { EntityManager } from 'typeorm';
import { rowLoader } from '../../shared/loaders';
import { findCareWorkersByIds } from './care-worker.repository';

/** The care workers' DataLoaders of one request. */
export function careWorkerLoaders(db: EntityManager) {
  return {
    careWorkerById: rowLoader(
      (ids: readonly string[]) => findCareWorkersByIds(db, ids),
      (row) => row.id,
    ),
  };
}
