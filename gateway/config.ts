import { z } from 'zod';
import { bodyLimit, filePath, METRICS_TOKEN_VARIABLES, milliseconds, nodeEnv, parseEnv, port, shutdownGraceSeconds } from '../platform/env';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import type { AuthorizationMode } from './authorization/field-authorization';

const url = z.string().url('must be an http(s) URL');

function subgraphUrlVariables() {
  return Object.fromEntries(SUBGRAPHS.map(({ envPrefix, defaultPort }) => [`${envPrefix}_URL`, url.default(`http://localhost:${defaultPort}/graphql`)]));
}

/** <AGENCY>_INTERNAL_TOKEN_KEY_FILE: the key the gateway signs that subgraph's calls with (the subgraph holds the same, and no other). */
const internalKeyVariable = (envPrefix: string) => `${envPrefix}_INTERNAL_TOKEN_KEY_FILE`;

function internalKeyVariables() {
  return Object.fromEntries(SUBGRAPHS.map(({ envPrefix }) => [internalKeyVariable(envPrefix), filePath]));
}

export interface GatewayConfig {
  port: number;
  development: boolean;
  /** Path of the composed supergraph, or "live" to compose from the running subgraphs (development). */
  supergraph: string;
  subgraphUrls: Record<SubgraphName, string>;
  jwt: { publicKeyFile: string | null; jwksUrl: string | null; issuer: string; audience: string; algorithms: string[] };
  /** Per subgraph, the file of the HMAC key its internal tokens are signed with. */
  internalTokenKeyFiles: Record<SubgraphName, string>;
  bodyLimit: string;
  /** filter: unauthorized fields come back null with an error each; strict: such an operation is refused whole. */
  authorizationMode: AuthorizationMode;
  /** How long one call to a subgraph may take; past it, what it would have answered is null with SERVICE_UNAVAILABLE. */
  subgraphTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests may take to finish before the process closes anyway. */
  shutdownGraceMs: number;
  /** The in-browser IDE at /ide: on by default in development, off otherwise unless switched on. */
  ide: { enabled: boolean; demoTokensFile: string | null };
  /** Children per GraphQL page when an export walks a school's list (1 to 100, the API's page limit). */
  exportPageSize: number;
}

/** The gateway's configuration, validated at start; a bad variable is named in the error. */
const gatewayEnvSchema = z.object({
  NODE_ENV: nodeEnv,
  GATEWAY_PORT: port(4000),
  GATEWAY_SUPERGRAPH: z.string().default('schema/supergraph.graphql'),
  // Where each agency's subgraph answers: <AGENCY>_URL.
  ...subgraphUrlVariables(),
  GATEWAY_JWT_PUBLIC_KEY_FILE: filePath.optional(),
  GATEWAY_JWKS_URL: url.optional(),
  GATEWAY_JWT_ISSUER: z.string().min(1, 'must name the token issuer'),
  GATEWAY_JWT_AUDIENCE: z.string().min(1).default('child-registry'),
  GATEWAY_JWT_ALGORITHMS: z
    .string()
    .default('ES256,RS256')
    .refine(
      (value) => value.split(',').every((alg) => /^(ES|RS|PS)(256|384|512)$|^EdDSA$/.test(alg.trim())),
      'must list asymmetric JWS algorithms such as ES256,RS256',
    ),
  ...internalKeyVariables(),
  GATEWAY_AUTHORIZATION_MODE: z.enum(['filter', 'strict']).default('filter'),
  BODY_LIMIT: bodyLimit,
  GATEWAY_IDE: z.enum(['on', 'off']).optional(),
  GATEWAY_IDE_DEMO_TOKENS_FILE: filePath.optional(),
  ...METRICS_TOKEN_VARIABLES,
  SUBGRAPH_TIMEOUT_MS: milliseconds(10_000),
  SHUTDOWN_GRACE_SECONDS: shutdownGraceSeconds,
  GATEWAY_EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(100),
});

/** Every environment variable the gateway reads. */
export const GATEWAY_ENV_VARIABLES = Object.keys(gatewayEnvSchema.shape);

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const schema = gatewayEnvSchema
    .refine((value) => Boolean(value.GATEWAY_JWT_PUBLIC_KEY_FILE) !== Boolean(value.GATEWAY_JWKS_URL), {
      message: 'set exactly one of GATEWAY_JWT_PUBLIC_KEY_FILE and GATEWAY_JWKS_URL',
      path: ['GATEWAY_JWT_PUBLIC_KEY_FILE'],
    })
    // Demo tokens in a page anyone on the network can open belong on a developer's machine only.
    .refine((value) => value.NODE_ENV === 'development' || !value.GATEWAY_IDE_DEMO_TOKENS_FILE, {
      message: 'demo tokens are only served to the IDE in development',
      path: ['GATEWAY_IDE_DEMO_TOKENS_FILE'],
    });
  const parsed = parseEnv(schema, env);
  const perSubgraph = (variable: (envPrefix: string) => string) =>
    Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, (parsed as Record<string, unknown>)[variable(subgraph.envPrefix)]])) as Record<
      SubgraphName,
      string
    >;
  const subgraphUrls = perSubgraph((envPrefix) => `${envPrefix}_URL`);
  return {
    port: parsed.GATEWAY_PORT,
    development: parsed.NODE_ENV === 'development',
    supergraph: parsed.GATEWAY_SUPERGRAPH,
    subgraphUrls,
    jwt: {
      publicKeyFile: parsed.GATEWAY_JWT_PUBLIC_KEY_FILE ?? null,
      jwksUrl: parsed.GATEWAY_JWKS_URL ?? null,
      issuer: parsed.GATEWAY_JWT_ISSUER,
      audience: parsed.GATEWAY_JWT_AUDIENCE,
      algorithms: parsed.GATEWAY_JWT_ALGORITHMS.split(',').map((alg) => alg.trim()),
    },
    internalTokenKeyFiles: perSubgraph(internalKeyVariable),
    bodyLimit: parsed.BODY_LIMIT,
    authorizationMode: parsed.GATEWAY_AUTHORIZATION_MODE,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_SECONDS * 1000,
    ide: {
      enabled: parsed.GATEWAY_IDE ? parsed.GATEWAY_IDE === 'on' : parsed.NODE_ENV === 'development',
      demoTokensFile: parsed.GATEWAY_IDE_DEMO_TOKENS_FILE ?? null,
    },
    exportPageSize: parsed.GATEWAY_EXPORT_PAGE_SIZE,
  };
}
