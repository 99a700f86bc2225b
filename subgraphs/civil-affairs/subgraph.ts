import type { BuildSchemaOptions } from 'type-graphql';
import { civilAffairsMigrations } from '../../migrations/civil-affairs';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolverContainer } from '../shared/resolver-container';
import type { SubgraphDefinition } from '../shared/subgraph-server';
import { ChildRow } from './child/child.entity';
import { childReferenceResolver } from './child/child.reference';
import { ChildAccessLogResolver, ChildResolver } from './child/child.resolver';
import { ChildService } from './child/child.service';
import { ChildClassificationResolver } from './classification/classification.resolver';
import { ClassificationRow } from './classification/classification.entity';
import { seedCivilAffairsDemo } from './demo-seed';
import { GuardianshipRow } from './guardianship/guardianship.entity';
import { GuardianshipResolver } from './guardianship/guardianship.resolver';
import { createCivilAffairsLoaders, type CivilAffairsLoaders } from './loaders';
import { NationalIdCipher } from './national-id-cipher';
import { ParentRow } from './parent/parent.entity';
import { ChildParentsResolver } from './parent/parent.resolver';

const resolvers: BuildSchemaOptions['resolvers'] = [
  ChildResolver,
  ChildParentsResolver,
  ChildClassificationResolver,
  GuardianshipResolver,
  ChildAccessLogResolver,
];

/** The civil-affairs subgraph: the child registry (民政). */
export function civilAffairsSubgraph(cipher: NationalIdCipher, nationalIdLookupsPerHour = 60): SubgraphDefinition<CivilAffairsLoaders> {
  const children = new ChildService(cipher, nationalIdLookupsPerHour);
  return {
    name: 'civil-affairs',
    entities: [ChildRow, ParentRow, GuardianshipRow, ClassificationRow],
    migrations: civilAffairsMigrations,
    buildSchema: () => buildFederatedSchema({ resolvers, container: resolverContainer([new ChildResolver(children)]) }, childReferenceResolver),
    createLoaders: createCivilAffairsLoaders,
    seedDemoData: (db, options) => seedCivilAffairsDemo(db, cipher, options),
  };
}
