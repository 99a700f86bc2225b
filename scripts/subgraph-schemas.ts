import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphName } from '../platform/subgraphs';
import { NationalIdCipher } from '../subgraphs/civil-affairs/national-id-cipher';
import { civilAffairsSubgraph } from '../subgraphs/civil-affairs/subgraph';
import { educationSubgraph } from '../subgraphs/education/subgraph';
import { womensFederationSubgraph } from '../subgraphs/womens-federation/subgraph';

/**
 * The SDL of each subgraph, built from the code without a database. Only the composition tooling
 * imports all three subgraphs; the gateway never does.
 */
export async function subgraphSdls(): Promise<{ name: SubgraphName; sdl: string }[]> {
  // Keys are needed to construct the resolvers, never used: nothing is resolved here.
  const cipher = new NationalIdCipher(randomBytes(32), randomBytes(32));
  const definitions = [civilAffairsSubgraph(cipher), educationSubgraph(), womensFederationSubgraph()];
  return Promise.all(definitions.map(async (definition) => ({ name: definition.name, sdl: printSubgraphSchema(await definition.buildSchema()) })));
}
