import type { EntityManager } from 'typeorm';
import { rowLoader } from '../shared/loaders';
import { findChildrenByIds } from './child/child.repository';
import { classificationLoaders } from './classification/classification.loaders';
import { guardianshipLoaders } from './guardianship/guardianship.loaders';
import { accessLogLoader } from '../shared/audit/access-log.loader';
import { parentLoaders } from './parent/parent.loaders';

/** The civil-affairs DataLoaders of one request. */
export function createCivilAffairsLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'civil-affairs'),
    childById: rowLoader((ids: readonly string[]) => findChildrenByIds(db, ids), (row) => row.id),
    ...parentLoaders(db),
    ...guardianshipLoaders(db),
    ...classificationLoaders(db),
  };
}

export type CivilAffairsLoaders = ReturnType<typeof createCivilAffairsLoaders>;
