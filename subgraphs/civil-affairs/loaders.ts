import type { EntityManager } from 'typeorm';
import { childLoaders } from './child/child.loaders';
import { classificationLoaders } from './classification/classification.loaders';
import { guardianshipLoaders } from './guardianship/guardianship.loaders';
import { parentLoaders } from './parent/parent.loaders';
import { createProposalLoaders } from './proposal/proposal.loaders';

/** The civil-affairs DataLoaders of one request, assembled from the entities'. */
export function createCivilAffairsLoaders(db: EntityManager) {
  return {
    ...childLoaders(db),
    ...parentLoaders(db),
    ...guardianshipLoaders(db),
    ...classificationLoaders(db),
    ...createProposalLoaders(db),
  };
}

export type CivilAffairsLoaders = ReturnType<typeof createCivilAffairsLoaders>;
