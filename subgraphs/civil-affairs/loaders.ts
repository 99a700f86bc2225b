import type { EntityManager } from 'typeorm';
import { benefitLoaders } from './benefit/benefit.loaders';
import { careWorkerLoaders } from './care-worker/care-worker.loaders';
import { childLoaders } from './child/child.loaders';
import { classificationLoaders } from './classification/classification.loaders';
import { difficultyLoaders } from './difficulty/difficulty.loaders';
import { guardianshipLoaders } from './guardianship/guardianship.loaders';
import { parentLoaders } from './parent/parent.loaders';
import { createProposalLoaders } from './proposal/proposal.loaders';
import { protectionReportLoaders } from './protection-report/protection-report.loaders';
import { reviewLoaders } from './review/review.loaders';
import { riskStatusLoaders } from './risk-status/risk-status.loaders';
import { verificationLoaders } from './verification/verification.loaders';
import { regionLoaders } from './region/region.loaders';

/** The civil-affairs DataLoaders of one request, assembled from the entities'. */
export function createCivilAffairsLoaders(db: EntityManager) {
  return {
    ...childLoaders(db),
    ...parentLoaders(db),
    ...guardianshipLoaders(db),
    ...classificationLoaders(db),
    ...createProposalLoaders(db),
    ...difficultyLoaders(db),
    ...benefitLoaders(db),
    ...careWorkerLoaders(db),
    ...verificationLoaders(db),
    ...protectionReportLoaders(db),
    ...reviewLoaders(db),
    ...riskStatusLoaders(db),
    ...regionLoaders(db),
  };
}

export type CivilAffairsLoaders = ReturnType<typeof createCivilAffairsLoaders>;
