import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { IntrospectAndCompose } from '@apollo/gateway';
import { createErrorMasker } from '../platform/error-masking';
import { serve } from '../platform/graphql-http';
import { InternalTokenSigner } from '../platform/internal-token';
import { createLogger } from '../platform/logger';
import { createMetrics } from '../platform/metrics';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import { Authenticator } from './authenticate';
import { createEnforcingGateway } from './authorization/enforcing-gateway';
import { loadGatewayConfig } from './config';
import type { GatewayContext } from './context';
import { formatLimitErrors, queryLimits } from './query-limits';
import { PartnerGrants } from './partner-grants';
import { createRequestContext } from './request-context';
import { SignedSubgraphDataSource } from './signed-data-source';

async function main() {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway');
  const metrics = createMetrics('gateway');
  const signer = await InternalTokenSigner.fromPemFile(config.internalTokenPrivateKeyFile);
  const authenticator = await Authenticator.create(config.jwt);

  const gateway = createEnforcingGateway({
    ...(config.supergraph === 'live'
      ? {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: config.subgraphUrls[subgraph.name] })),
          }),
        }
      : { supergraphSdl: readFileSync(config.supergraph, 'utf8') }),
    // The supergraph's URLs are placeholders: where each subgraph lives is configuration.
    buildService: ({ name }) => new SignedSubgraphDataSource({ name, url: config.subgraphUrls[name as SubgraphName] }, signer),
    logger,
  }, { mode: config.authorizationMode, logger });

  const limits = queryLimits(config.development);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.development,
    // A browser may not send a simple (preflight-free) request that runs an operation.
    csrfPrevention: true,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    // Each operation of a batch goes through the same enforcement as a single one.
    allowBatchedHttpRequests: true,
    formatError: formatLimitErrors(createErrorMasker(logger)),
    plugins: [
      ...limits.plugins,
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              metrics.requests.inc({ outcome: errors?.length ? 'error' : 'ok' });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  await serve({
    apollo,
    port: config.port,
    bodyLimit: config.bodyLimit,
    maxBatch: 10,
    metrics,
    logger,
    ready: async () => true,
    context: createRequestContext(authenticator, new PartnerGrants(config.subgraphUrls['womens-federation'], signer, logger), logger),
  });
  logger.info({ port: config.port }, 'gateway listening');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
