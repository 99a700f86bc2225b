import { createHash } from 'node:crypto';
import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { print, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { purposeRequired, unauthorizedField } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../context';
import { readAccessRules, type AccessRules } from './access-rules';
import { filterOperation } from './operation-filter';
import { applyDenials } from './response-nulls';

/**
 * The security features this gateway enforces itself. `@apollo/gateway` refuses a supergraph
 * that links them `for: SECURITY`, rightly, since it enforces none: only this module, which
 * installs the enforcement, tells it otherwise. `policy` is not here: nothing enforces it, so a
 * supergraph using it does not load.
 */
const ENFORCED_FEATURES = ['https://specs.apollo.dev/authenticated/v0.1', 'https://specs.apollo.dev/requiresScopes/v0.1'];
const SUPPORTED_FEATURES = new Set([...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, ...ENFORCED_FEATURES]);

export type AuthorizationMode = 'filter' | 'strict';

/** Types that describe one named child: reading any of them needs a stated purpose (DESIGN 4). */
const CHILD_DATA_TYPES = new Set([
  'Child', 'Guardianship', 'Parent', 'LeftBehindClassification', 'Enrolment', 'CareResponsiblePerson', 'Talk', 'Pairing', 'Consent',
]);

export interface EnforcementOptions {
  /** filter: unauthorized fields become null with an error each; strict: the whole operation is refused. */
  mode: AuthorizationMode;
  logger: Logger;
}

type Executor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];
type ExecutorContext = Parameters<Executor>[0];

/** The ApolloGateway internals the feature declaration replaces. */
interface GatewayInternals {
  config: { validateSupergraph?: boolean };
  createServices(subgraphs: ReturnType<Supergraph['subgraphsMetadata']>): void;
  createSchemaFromSupergraphSdl(sdl: string): { supergraph: Supergraph; supergraphSdl: string };
  serviceListFromSupergraphSdl(sdl: string): ReturnType<Supergraph['subgraphsMetadata']>;
}

/**
 * An Apollo gateway that enforces `@authenticated` and `@requiresScopes` with Apollo Router's
 * semantics: unauthorized fields are removed before planning (no subgraph is asked for them),
 * the response has null there and an UNAUTHORIZED_FIELD_OR_TYPE error per path, and `data` is
 * null when nothing requested was authorized. Each request's principal, operation hash and denied
 * paths are logged.
 */
export function createEnforcingGateway(config: GatewayConfig, options: EnforcementOptions): ApolloGateway {
  const gateway = new ApolloGateway(config);
  declareEnforcedFeatures(gateway);

  let rules: AccessRules | null = null;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    rules = readAccessRules(coreSupergraphSdl);
  });

  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded = await load(loadOptions);
    const execute = loaded.executor;
    const executor: Executor = async (requestContext) => {
      if (!rules) throw new Error('The supergraph access rules are not loaded.');
      return enforce(requestContext as ExecutorContext & { context: Partial<GatewayContext> }, rules, execute, options);
    };
    return { ...loaded, executor };
  };
  return gateway;
}

async function enforce(
  requestContext: ExecutorContext & { context: Partial<GatewayContext> },
  rules: AccessRules,
  execute: Executor,
  { mode, logger }: EnforcementOptions,
) {
  const principal = requestContext.context.principal;
  const scopes = new Set(principal?.scopes ?? []);
  const filtered = filterOperation(
    requestContext.schema,
    requestContext.document,
    requestContext.request.operationName,
    requestContext.request.variables ?? {},
    rules,
    scopes,
  );
  const reported = filtered.denials.filter((denial) => denial.reported);
  logger.info(
    {
      sub: principal?.sub,
      org: principal?.org,
      requestId: requestContext.context.requestId,
      purpose: requestContext.context.purpose,
      operationHash: requestContext.queryHash,
      denied: reported.map((denial) => denial.path.join('.')),
    },
    'operation authorized',
  );
  if (!requestContext.context.purpose && [...filtered.readTypes].some((type) => CHILD_DATA_TYPES.has(type))) {
    return { errors: [purposeRequired()] };
  }
  const errors: GraphQLError[] = reported.map((denial) => unauthorizedField(denial.path));
  if (!filtered.denials.length) return execute(requestContext);
  if (mode === 'strict') return { errors };
  if (!filtered.document) return { data: null, errors };

  const operation = filtered.document.definitions[0] as OperationDefinitionNode;
  const result = await execute({
    ...requestContext,
    document: filtered.document,
    operation,
    // The gateway caches query plans by this hash: the filtered operation must never share a plan
    // with the unfiltered one, or one caller's plan would serve another's fields.
    queryHash: createHash('sha256').update(print(filtered.document)).digest('hex'),
  });
  return {
    ...result,
    data: applyDenials(result.data, filtered.denials, filtered.addedTypename),
    errors: [...errors, ...(result.errors ?? [])],
  };
}

function declareEnforcedFeatures(gateway: ApolloGateway): void {
  const internals = gateway as unknown as GatewayInternals;
  const build = (sdl: string) =>
    Supergraph.build(sdl, {
      supportedFeatures: SUPPORTED_FEATURES,
      validateSupergraph: internals.config.validateSupergraph ?? process.env.NODE_ENV !== 'production',
    });
  internals.createSchemaFromSupergraphSdl = (sdl) => {
    const supergraph = build(sdl);
    internals.createServices(supergraph.subgraphsMetadata());
    return { supergraph, supergraphSdl: sdl };
  };
  internals.serviceListFromSupergraphSdl = (sdl) => build(sdl).subgraphsMetadata();
}
