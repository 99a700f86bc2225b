import type { BuildSchemaOptions } from 'type-graphql';
import { civilAffairsMigrations } from '../../migrations/civil-affairs';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolverContainer } from '../shared/resolver-container';
import type { SubgraphDefinition } from '../shared/subgraph-server';
import { BenefitRow } from './benefit/benefit.entity';
import { BenefitResolver, ChildBenefitsResolver } from './benefit/benefit.resolver';
import { CareWorkerRow } from './care-worker/care-worker.entity';
import { CareWorkerResolver, ChildCareWorkersResolver } from './care-worker/care-worker.resolver';
import { ChildRow } from './child/child.entity';
import { childReferenceResolver } from './child/child.reference';
import { ChildAccessLogResolver, ChildResolver } from './child/child.resolver';
import { ChildService } from './child/child.service';
import { ChildImportResolver } from './child-import/child-import.resolver';
import { ChildImportService } from './child-import/child-import.service';
import { ChildClassificationResolver } from './classification/classification.resolver';
import { ClassificationRow } from './classification/classification.entity';
import { seedCivilAffairsDemo } from './demo-seed';
import { DifficultyRow } from './difficulty/difficulty.entity';
import { ChildDifficultyResolver, DifficultyResolver } from './difficulty/difficulty.resolver';
import { GuardianshipRow, ReentrustmentNoticeRow } from './guardianship/guardianship.entity';
import { GuardianshipResolver } from './guardianship/guardianship.resolver';
import { createCivilAffairsLoaders, type CivilAffairsLoaders } from './loaders';
import { NationalIdCipher } from './national-id-cipher';
import { ParentRow } from './parent/parent.entity';
import { ChildParentsResolver } from './parent/parent.resolver';
import { ProposalReviewRow } from './proposal/proposal.entity';
import { ProposalResolver, ProposalReviewResolver } from './proposal/proposal.resolver';
import { ProposalService } from './proposal/proposal.service';
import { ProtectionReportRow, ProtectionStepRow } from './protection-report/protection-report.entity';
import { ChildProtectionReportsResolver, ProtectionReportReceiptResolver, ProtectionReportResolver } from './protection-report/protection-report.resolver';
import { FileReviewRow } from './review/review.entity';
import { ReviewResolver } from './review/review.resolver';
import { regionReferenceResolver } from './region/region.reference';
import { RegionResolver } from './region/region.resolver';
import { riskStatusReferenceResolver } from './risk-status/risk-status.reference';
import { RiskStatusClassificationResolver, RiskStatusResolver } from './risk-status/risk-status.resolver';
import { VerificationRow } from './verification/verification.entity';
import { VerificationResolver } from './verification/verification.resolver';

const resolvers: BuildSchemaOptions['resolvers'] = [
  ChildResolver,
  ChildParentsResolver,
  ChildClassificationResolver,
  GuardianshipResolver,
  ChildAccessLogResolver,
  ProposalResolver,
  ProposalReviewResolver,
  // Children at risk (issue 11).
  ChildDifficultyResolver,
  DifficultyResolver,
  ChildBenefitsResolver,
  BenefitResolver,
  ChildCareWorkersResolver,
  CareWorkerResolver,
  VerificationResolver,
  ChildProtectionReportsResolver,
  ProtectionReportResolver,
  ProtectionReportReceiptResolver,
  ReviewResolver,
  RiskStatusResolver,
  // Region figures for analysts (issue 13).
  RegionResolver,
  RiskStatusClassificationResolver,
  // Bulk registration from the registration forms (issue 13).
  ChildImportResolver,
];

/** The civil-affairs subgraph: the child registry (民政). */
export function civilAffairsSubgraph(
  cipher: NationalIdCipher,
  nationalIdLookupsPerHour = 60,
  suppressionThreshold = 5,
): SubgraphDefinition<CivilAffairsLoaders> {
  const children = new ChildService(cipher, nationalIdLookupsPerHour);
  return {
    name: 'civil-affairs',
    entities: [
      ChildRow,
      ParentRow,
      GuardianshipRow,
      ClassificationRow,
      ProposalReviewRow,
      ReentrustmentNoticeRow,
      DifficultyRow,
      BenefitRow,
      CareWorkerRow,
      VerificationRow,
      ProtectionReportRow,
      ProtectionStepRow,
      FileReviewRow,
    ],
    migrations: civilAffairsMigrations,
    buildSchema: () =>
      buildFederatedSchema(
        {
          resolvers,
          container: resolverContainer([
            new ChildResolver(children),
            new ProposalResolver(new ProposalService(cipher)),
            new RegionResolver(suppressionThreshold),
            new ChildImportResolver(new ChildImportService(cipher, nationalIdLookupsPerHour)),
          ]),
        },
        { ...childReferenceResolver, ...riskStatusReferenceResolver, ...regionReferenceResolver },
      ),
    createLoaders: createCivilAffairsLoaders,
    seedDemoData: (db, options) => seedCivilAffairsDemo(db, cipher, options),
    figureRecorders: ['record_region_figures'],
  };
}
