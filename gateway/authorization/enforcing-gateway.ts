import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import type { Logger } from '../../platform/logger';
import { purposeRefusal } from '../purpose';
import { readAccessRules, type AccessRules } from './access-rules';
import { DecisionCache } from './decision-cache';
import { logDecision } from './decision-log';
import { declareEnforcedFeatures } from './enforced-features';
import { authorizeFields, executeAuthorized, fieldRefusal, variablesRefusal, type AuthorizationMode } from './field-authorization';
import type { Executor, OperationRequest } from './operation';

export interface EnforcementOptions {
  mode: AuthorizationMode;
  /** Where each operation's decision is logged. */
  logger: Logger;
}

/**
 * An Apollo gateway that enforces `@authenticated` and `@requiresScopes` with Apollo Router's
 * semantics, and the purpose rule. Before the gateway plans an operation, it takes these steps:
 * field authorization (what the scopes do not open is removed, fields with inputs they do not open
 * too; variables that do not fit refuse the operation), the purpose rule, the refusals of
 * field authorization (strict mode; nothing left), the decision's log line; then what is authorized
 * runs, with null and an UNAUTHORIZED_FIELD_OR_TYPE error where fields were removed.
 */
export function createEnforcingGateway(config: GatewayConfig, { mode, logger }: EnforcementOptions): ApolloGateway {
  // Apollo's gateway sends usage metrics to Apollo (and probes cloud metadata addresses) unless told
  // not to: a registry of children sends nothing outside its network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway(config);
  declareEnforcedFeatures(gateway);

  let rules: AccessRules | null = null;
  // Analyses hold for one schema and its rules: a new supergraph starts an empty cache.
  let decisions = new DecisionCache();
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    rules = readAccessRules(coreSupergraphSdl);
    decisions = new DecisionCache();
  });

  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded = await load(loadOptions);
    const execute = loaded.executor;
    const executor: Executor = async (requestContext) => {
      if (!rules) throw new Error('The supergraph access rules are not loaded.');
      const request = requestContext as OperationRequest;
      const scopes = request.context.principal?.scopes ?? [];
      const current = rules;
      const authorized = decisions.decide(
        { document: request.document, operationName: request.request.operationName, scopes, variables: request.request.variables ?? {} },
        () => authorizeFields(request, current),
      );
      const refusal = variablesRefusal(authorized) ?? purposeRefusal(authorized, request.context.purpose) ?? fieldRefusal(authorized, mode);
      logDecision(logger, request, authorized, refusal);
      return refusal ? refusal.result : executeAuthorized(request, authorized, execute);
    };
    return { ...loaded, executor };
  };
  return gateway;
}
