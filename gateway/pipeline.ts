import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayConfig as SupergraphConfig } from '@apollo/gateway';
import type { Express, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createErrorMasker } from '../platform/error-masking';
import { loadMetricsToken } from '../platform/env';
import { refuseUnrunnableRequests } from '../platform/input-checks';
import type { ServeOptions } from '../platform/graphql-http';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import type { Authenticator } from './authenticate';
import { createEnforcingGateway } from './authorization/enforcing-gateway';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { serveIde } from './ide';
import { serveRegistrationFormImports } from './imports/registration-forms-route';
import { formatLimitErrors, hideSuggestions, queryLimits } from './query-limits';
import { serveExports } from './exports/route';
import { createRequestContext, returnRequestId } from './request-context';
import { parseCustomScalars } from './input-scalars';
import { countRequests } from './request-metrics';
import { logRefusedRequests } from './refusal-log';
import { subgraphsHealth } from './subgraph-health';

/** Most operations one batched request may carry. */
const MAX_BATCH = 10;

export interface GatewayParts {
  config: GatewayConfig;
  logger: Logger;
  metrics: Metrics;
  authenticator: Authenticator;
  /** Where the supergraph comes from and how each subgraph is called. */
  supergraph: SupergraphConfig;
}

/**
 * The gateway's request pipeline: every step a request goes through, in the order it meets them,
 * each in its own module.
 *
 * | step                                                                  | module                                 |
 * | --------------------------------------------------------------------- | -------------------------------------- |
 * | HTTP: body size, batch size                                           | platform/graphql-http.ts               |
 * | CSRF: no operation from a request a browser sends without preflight   | Apollo Server (csrfPrevention)         |
 * | authentication: the user token's principal, or 401                    | authenticate.ts      (the context)     |
 * | purpose: X-Purpose one the token grants, or 403                       | purpose.ts           (the context)     |
 * | query limits: tokens; depth, aliases, directives; cost with variables | query-limits.ts                        |
 * | unrunnable requests: no such operation, subscription, NUL, bad value  | platform/input-checks.ts, input-scalars.ts |
 * | authorization: what the scopes do not open is removed before planning | authorization/field-authorization.ts   |
 * | purpose: reading a named child's data needs one (PURPOSE_REQUIRED)    | purpose.ts                             |
 * | logging: the decision, authorized or refused and why                  | authorization/decision-log.ts          |
 * | logging: refused before it could run (token, purpose, limits, input)  | request-context.ts, refusal-log.ts     |
 * | execution, with null where fields were removed                        | authorization/field-authorization.ts   |
 * | subgraph calls: signed, bounded in time, an outage null at its paths  | signed-data-source.ts                  |
 * | metrics: each response's outcome                                      | request-metrics.ts                     |
 * | errors: limit refusals coded, anything unexpected masked              | query-limits.ts, platform/error-masking.ts |
 * | IDE: GET /ide (development, or GATEWAY_IDE=on), all assets local        | ide.ts                                 |
 * | exports: GET /exports/… (seed 003's forms), through this same pipeline   | exports/route.ts                       |
 * | imports: POST /imports/registration-forms, a file → the mutation above  | imports/registration-forms-route.ts    |
 *
 * Authorization, the purpose rule and the log run per operation (each of a batch on its own) in
 * the enforcing gateway's executor (authorization/enforcing-gateway.ts), in that order.
 */
export function gatewayPipeline({ config, logger, metrics, authenticator, supergraph }: GatewayParts): ServeOptions<GatewayContext> {
  const limits = queryLimits(config.development);
  // Authorization, the purpose rule and the decision's log line, before planning.
  const gateway = createEnforcingGateway(supergraph, { mode: config.authorizationMode, logger });
  // Impossible dates are refused before planning, like any other ill-typed value.
  parseCustomScalars(gateway);
  const requestContext = createRequestContext(authenticator, logger);
  // Authentication and the stated purpose, once per HTTP request; subgraph calls end with the client.
  const context = async (req: Request, res: Response): Promise<GatewayContext> => ({ ...(await requestContext(req)), clientGone: clientGone(res) });
  // The exports decide their columns from the schema the gateway serves.
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // serve() stops the process in order (readiness, in-flight requests, then Apollo).
    stopOnTerminationSignals: false,
    introspection: config.development,
    // A browser may not send a simple (preflight-free) request that runs an operation.
    csrfPrevention: true,
    // Query limits.
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    // Each operation of a batch goes through the same enforcement as a single one.
    allowBatchedHttpRequests: true,
    formatError: hideSuggestions(config.development, formatLimitErrors(createErrorMasker(logger))),
    plugins: [
      // Requests nothing can run (no such operation, a subscription, a NUL, an ill-typed variable): client errors.
      refuseUnrunnableRequests(),
      ...limits.plugins,
      countRequests(metrics),
      // A request refused before it could run still leaves its line in the log.
      logRefusedRequests(logger),
      returnRequestId(),
      // No Apollo landing page anywhere: it loads Apollo Sandbox from a CDN, and production shows
      // nothing about the API; our IDE (ide.ts) works offline and is on in development only.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  return {
    apollo,
    port: config.port,
    bodyLimit: config.bodyLimit,
    // METRICS_TOKEN or METRICS_TOKEN_FILE: /metrics needs it as a bearer credential (not served without).
    metricsToken: loadMetricsToken(),
    maxBatch: MAX_BATCH,
    context,
    metrics,
    logger,
    health: subgraphsHealth(config.subgraphUrls),
    shutdownGraceMs: config.shutdownGraceMs,
    routes: (app: Express) => {
      // Seed 003's forms as files, read through this same pipeline with the caller's credentials.
      serveExports(app, { apollo, context, authenticator, schema: () => apiSchema, logger, pageSize: config.exportPageSize });
      // Registration forms in bulk: POST /imports/registration-forms (imports/registration-forms-route.ts).
      serveRegistrationFormImports(app, { apollo, context, logger });
      // The in-browser IDE, served from the npm package's own assets: development, or when switched on.
      if (config.ide.enabled) serveIde(app, { tokensFile: config.ide.demoTokensFile });
    },
  };
}

/** Aborted when the response closes before it was written: the client went away. */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
