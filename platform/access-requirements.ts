import { Kind, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

/**
 * The access rules of one schema element, read from the standard Federation directives
 * `@authenticated` and `@requiresScopes(scopes: [[...]])`. The gateway reads them from the
 * supergraph and each subgraph from its own schema, so both enforce the same rules.
 *
 * A requirement is a disjunction of conjunctions (outer list OR, inner list AND), as in
 * Apollo Router; `@authenticated` is the requirement met by the empty set of scopes.
 */
export type AccessRequirement = ReadonlyArray<ReadonlyArray<string>>;

export interface AccessDirectiveNames {
  authenticated: string;
  requiresScopes: string;
}

export const DEFAULT_ACCESS_DIRECTIVE_NAMES: AccessDirectiveNames = { authenticated: 'authenticated', requiresScopes: 'requiresScopes' };

/** The requirements the directives on one element carry; every one of them must be met. */
export function requirementsOf(
  directives: ReadonlyArray<ConstDirectiveNode> | undefined,
  names: AccessDirectiveNames = DEFAULT_ACCESS_DIRECTIVE_NAMES,
): AccessRequirement[] {
  const requirements: AccessRequirement[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value === names.authenticated) requirements.push([[]]);
    if (directive.name.value === names.requiresScopes) {
      const scopes = directive.arguments?.find((argument) => argument.name.value === 'scopes')?.value;
      requirements.push(scopeSets(scopes));
    }
  }
  return requirements;
}

function scopeSets(value: ConstValueNode | undefined): AccessRequirement {
  if (value?.kind !== Kind.LIST) throw new Error('@requiresScopes needs scopes: [[String]]');
  return value.values.map((inner) => {
    if (inner.kind !== Kind.LIST) throw new Error('@requiresScopes needs scopes: [[String]]');
    return inner.values.map((scope) => {
      if (scope.kind !== Kind.STRING) throw new Error('@requiresScopes scopes must be strings');
      return scope.value;
    });
  });
}

/** True when the scopes meet every requirement. No requirements: open to anyone who got this far. */
export function meetsRequirements(requirements: ReadonlyArray<AccessRequirement>, scopes: ReadonlySet<string>): boolean {
  return requirements.every((requirement) => requirement.some((allOf) => allOf.every((scope) => scopes.has(scope))));
}
