import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { meetsRequirements, requirementsOf } from '../../platform/access-requirements';
import { unauthorizedField } from '../../platform/errors';
import type { Principal } from '../../platform/principal';

const scopeSets = new WeakMap<Principal, ReadonlySet<string>>();

function scopesOf(principal: Principal): ReadonlySet<string> {
  let scopes = scopeSets.get(principal);
  if (!scopes) scopeSets.set(principal, (scopes = new Set(principal.scopes)));
  return scopes;
}

/**
 * Defense in depth: the subgraph enforces its own fields' `@authenticated` / `@requiresScopes`
 * directives from the principal in the gateway's internal token, so a misrouted or forged plan
 * still gets `null` and an UNAUTHORIZED_FIELD_OR_TYPE error, never the value. The resolvers are
 * wrapped in place, so `_entities` and every other path reach the same checks.
 */
export function enforceFieldAccess(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRequirements = requirementsOf(type.astNode?.directives);
    for (const field of Object.values(type.getFields())) {
      const requirements = [...typeRequirements, ...requirementsOf(field.astNode?.directives)];
      if (!requirements.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { principal?: Principal }, info) => {
        if (!context.principal || !meetsRequirements(requirements, scopesOf(context.principal))) throw unauthorizedField();
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
