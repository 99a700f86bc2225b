import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntityManager, EntitySchema, MigrationInterface } from 'typeorm';
import type { Logger } from '../../platform/logger';
import type { SubgraphName } from '../../platform/subgraphs';

export interface DemoSeedOptions {
  children: number;
  seed: number;
}

/** What a subgraph contributes; the runner (subgraph-server.ts) does the rest the same way for all three. */
export interface SubgraphDefinition<Loaders> {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  buildSchema: () => Promise<GraphQLSchema>;
  createLoaders: (db: EntityManager) => Loaders;
  /** Loads demo data when the database holds none yet; returns how many children it loaded. */
  seedDemoData: (db: DataSource, options: DemoSeedOptions, logger: Logger) => Promise<number>;
  /** Owner's SQL functions that record today's report figures, run at start and periodically (figure-recording.ts). */
  figureRecorders?: string[];
}
