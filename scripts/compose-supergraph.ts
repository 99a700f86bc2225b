import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../platform/subgraphs';
import { printApiSchema } from './api-schema';
import { writeOrCheck } from './generated-file';
import { subgraphSdls } from './subgraph-schemas';

/**
 * Composes the committed supergraph from the three subgraph schemas, and prints its API schema
 * (what clients see; the typed client example generates its types from it).
 *   npm run compose          writes schema/supergraph.graphql and schema/api.graphql
 *   npm run compose -- --check  exits 1 when the committed file is stale
 * The URLs are the docker-compose service names; the gateway replaces them from its config.
 */
export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
export const API_SCHEMA_PATH = join(__dirname, '..', '..', 'schema', 'api.graphql');

export async function composeSupergraph(): Promise<string> {
  const sdls = await subgraphSdls();
  const result = composeServices(
    sdls.map(({ name, sdl }) => {
      const info = SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
      return { name, typeDefs: parse(sdl), url: `http://${name}:${info.defaultPort}/graphql` };
    }),
  );
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  return result.supergraphSdl;
}

async function main() {
  const supergraph = await composeSupergraph();
  writeOrCheck(SUPERGRAPH_PATH, supergraph, 'npm run compose');
  writeOrCheck(API_SCHEMA_PATH, printApiSchema(supergraph), 'npm run compose');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
