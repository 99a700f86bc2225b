import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * The API schema: what clients of the gateway see of the supergraph (federation's machinery and
 * @inaccessible fields removed). Clients' queries are written against it, so changes to it are what
 * can break them.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  // Only reading the schema: which security features a gateway enforces does not matter here.
  return Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
}

/** The API schema printed in a stable order, as committed in schema/released-api.graphql. */
export function printApiSchema(supergraphSdl: string): string {
  return printSchema(lexicographicSortSchema(apiSchemaOf(supergraphSdl))) + '\n';
}
