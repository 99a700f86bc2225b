import type { ApolloGateway } from '@apollo/gateway';
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';

/**
 * The security features this gateway enforces itself. `@apollo/gateway` refuses a supergraph
 * that links them `for: SECURITY`, rightly, since it enforces none: only the enforcing gateway,
 * which installs the enforcement, tells it otherwise. `policy` is not here: nothing enforces it,
 * so a supergraph using it does not load.
 */
const ENFORCED_FEATURES = ['https://specs.apollo.dev/authenticated/v0.1', 'https://specs.apollo.dev/requiresScopes/v0.1'];
const SUPPORTED_FEATURES = new Set([...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, ...ENFORCED_FEATURES]);

/** The ApolloGateway internals the feature declaration replaces. */
interface GatewayInternals {
  config: { validateSupergraph?: boolean };
  createServices(subgraphs: ReturnType<Supergraph['subgraphsMetadata']>): void;
  createSchemaFromSupergraphSdl(sdl: string): { supergraph: Supergraph; supergraphSdl: string };
  serviceListFromSupergraphSdl(sdl: string): ReturnType<Supergraph['subgraphsMetadata']>;
}

/**
 * Patches the gateway's internals so it builds the supergraph with the features above declared
 * supported. Call it only on a gateway whose executor enforces them.
 */
export function declareEnforcedFeatures(gateway: ApolloGateway): void {
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
