import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { withAccessDirectives } from './access-directives';
import { enforceFieldAccess } from './field-access';
import { DateTimeISO } from './scalars';

/** Federation 2 directives our subgraphs use; the access directives come from the scope catalogue. */
const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible", "@authenticated", "@requiresScopes"])
`;

// `never` parameters: any entity's own reference and context types fit (the resolvers map calls them, not we).
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

/**
 * Builds a subgraph schema from type-graphql classes, as type-graphql's own Federation 2
 * example does: print the schema with its directives, then let @apollo/subgraph add `_entities`
 * and `_service`, with each entity's `__resolveReference`. Every field gets its access directive
 * from the scope catalogue, and the subgraph enforces it.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap' | 'validate'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    validate: false,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const federated = buildSubgraphSchema({
    typeDefs: withAccessDirectives(parse(FEDERATION_LINK + printSchemaWithDirectives(schema))),
    resolvers,
  });
  return enforceFieldAccess(federated);
}
