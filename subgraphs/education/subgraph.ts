import type { BuildSchemaOptions } from 'type-graphql';
import { educationMigrations } from '../../migrations/education';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolverContainer } from '../shared/resolver-container';
import type { SubgraphDefinition } from '../shared/subgraph-server';
import { CareAssignmentRow } from './care/care.entity';
import { CareResolver, ChildCareResolver } from './care/care.resolver';
import { ChildAccessLogResolver } from './child/child.resolver';
import { childReferenceResolver } from './child/child.reference';
import { seedEducationDemo } from './demo-seed';
import { EnrolmentRow } from './enrolment/enrolment.entity';
import { ChildEnrolmentResolver, EnrolmentResolver, SchoolEnrolmentsResolver } from './enrolment/enrolment.resolver';
import { createEducationLoaders, type EducationLoaders } from './loaders';
import { SchoolRow } from './school/school.entity';
import { schoolReferenceResolver } from './school/school.reference';
import { SchoolResolver } from './school/school.resolver';
import { TalkRow } from './talk/talk.entity';
import { ChildTalksResolver, TalkResolver } from './talk/talk.resolver';

const resolvers: BuildSchemaOptions['resolvers'] = [
  ChildAccessLogResolver,
  SchoolResolver,
  EnrolmentResolver,
  SchoolEnrolmentsResolver,
  ChildEnrolmentResolver,
  CareResolver,
  ChildCareResolver,
  TalkResolver,
  ChildTalksResolver,
];

/** The education subgraph (教育局 and schools). */
export function educationSubgraph(): SubgraphDefinition<EducationLoaders> {
  return {
    name: 'education',
    entities: [SchoolRow, EnrolmentRow, CareAssignmentRow, TalkRow],
    migrations: educationMigrations,
    buildSchema: () => buildFederatedSchema({ resolvers, container: resolverContainer() }, { ...childReferenceResolver, ...schoolReferenceResolver }),
    createLoaders: createEducationLoaders,
    seedDemoData: (db, options) => seedEducationDemo(db, options),
  };
}
