// First: tracing must wrap pg and http before anything loads them.
import '../platform/tracing-start';
import { readFileSync } from 'node:fs';
import { IntrospectAndCompose, type GatewayConfig as SupergraphConfig } from '@apollo/gateway';
import { serve } from '../platform/graphql-http';
import { InternalTokenSigner } from '../platform/internal-token';
import { createLogger, type Logger } from '../platform/logger';
import { createMetrics, type Metrics } from '../platform/metrics';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import { PERSONAL_FIELD_NAMES } from '../schema/scope-catalogue';
import { Authenticator } from './authenticate';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { gatewayPipeline } from './pipeline';
import { SignedSubgraphDataSource } from './signed-data-source';

/** The committed supergraph, or one composed from the running subgraphs; each subgraph called with a signed token. */
function supergraphSource(config: GatewayConfig, signer: InternalTokenSigner, logger: Logger, metrics: Metrics): SupergraphConfig {
  return {
    ...(config.supergraph === 'live'
      ? {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: config.subgraphUrls[subgraph.name] })),
          }),
        }
      : { supergraphSdl: readFileSync(config.supergraph, 'utf8') }),
    // Its spans (when tracing is on) name the operation, never its document, variables or errors' text.
    telemetry: { includeDocument: false, recordExceptions: false },
    // The supergraph's URLs are placeholders: where each subgraph lives is configuration.
    buildService: ({ name }) =>
      new SignedSubgraphDataSource(
        { name, url: config.subgraphUrls[name as SubgraphName], timeoutMs: config.subgraphTimeoutMs, logger, registry: metrics.registry },
        signer,
      ),
    logger,
  };
}

async function main() {
  const config = loadGatewayConfig();
  // One line per operation: written without blocking each request on stdout.
  const logger = createLogger('gateway', undefined, PERSONAL_FIELD_NAMES, { asyncWrites: true });
  const signer = InternalTokenSigner.fromKeyFiles(config.internalTokenKeyFiles);
  const metrics = createMetrics('gateway');
  const pipeline = gatewayPipeline({
    config,
    logger,
    metrics,
    authenticator: await Authenticator.create(config.jwt, logger),
    supergraph: supergraphSource(config, signer, logger, metrics),
  });
  await pipeline.apollo.start();
  await serve(pipeline);
  logger.info({ port: config.port }, 'gateway listening');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
