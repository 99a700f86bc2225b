import type { BuildSchemaOptions } from 'type-graphql';
import { womensFederationMigrations } from '../../migrations/womens-federation';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolverContainer } from '../shared/resolver-container';
import type { SubgraphDefinition } from '../shared/subgraph-server';
import { ActivityAttendanceRow, ActivityRow } from './activity/activity.entity';
import { ActivityAttendanceResolver, ActivityResolver, ChildActivitiesResolver } from './activity/activity.resolver';
import { ChildAccessLogResolver } from './child/child.resolver';
import { ChildrensHomeRow } from './childrens-home/childrens-home.entity';
import { ChildrensHomeResolver } from './childrens-home/childrens-home.resolver';
import { ParentContactRow } from './parent-contact/parent-contact.entity';
import { ChildParentContactsResolver, ParentContactResolver } from './parent-contact/parent-contact.resolver';
import { childReferenceResolver } from './child/child.reference';
import { ConsentRow } from './consent/consent.entity';
import { ConsentResolver } from './consent/consent.resolver';
import { seedWomensFederationDemo } from './demo-seed';
import { createWomensFederationLoaders, type WomensFederationLoaders } from './loaders';
import { PairingRow } from './pairing/pairing.entity';
import { ChildPairingsResolver, PairingResolver, ProgrammePairingsResolver } from './pairing/pairing.resolver';
import { PartnerRow } from './partner/partner.entity';
import { partnerReferenceResolver } from './partner/partner.reference';
import { PartnerResolver } from './partner/partner.resolver';
import { ProgrammeRow } from './programme/programme.entity';
import { ProgrammeResolver } from './programme/programme.resolver';
import { regionKeyReference } from '../shared/reports/region.type';
import { Region } from './region/region.type';
import { RegionFederationFiguresResolver } from './region/region.resolver';

const resolvers: BuildSchemaOptions['resolvers'] = [
  PartnerResolver,
  ProgrammeResolver,
  PairingResolver,
  ChildPairingsResolver,
  ProgrammePairingsResolver,
  ConsentResolver,
  ChildAccessLogResolver,
  ChildrensHomeResolver,
  ActivityResolver,
  ActivityAttendanceResolver,
  ChildActivitiesResolver,
  ParentContactResolver,
  ChildParentContactsResolver,
  // Figures for analysts (issue 13).
  RegionFederationFiguresResolver,
];

/**
 * The women's-federation subgraph (妇联): partners, programmes, pairings, guardians' consents,
 * children's homes, activities and family education, the parent contact log.
 */
export function womensFederationSubgraph(suppressionThreshold = 5): SubgraphDefinition<WomensFederationLoaders> {
  return {
    name: 'womens-federation',
    entities: [PartnerRow, ProgrammeRow, PairingRow, ConsentRow, ChildrensHomeRow, ActivityRow, ActivityAttendanceRow, ParentContactRow],
    migrations: womensFederationMigrations,
    buildSchema: () =>
      buildFederatedSchema(
        { resolvers, container: resolverContainer([new RegionFederationFiguresResolver(suppressionThreshold)]), orphanedTypes: [Region] },
        { ...childReferenceResolver, ...partnerReferenceResolver, ...regionKeyReference },
      ),
    createLoaders: createWomensFederationLoaders,
    seedDemoData: (db, options) => seedWomensFederationDemo(db, options),
    figureRecorders: ['record_region_figures'],
  };
}
