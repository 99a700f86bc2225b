import { Kind, parse, print, visit, type DirectiveNode } from 'graphql';

/** The security links a stock gateway is run without, and what each brings into the supergraph. */
const SECURITY_LINKS = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\//;
const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);
const SECURITY_TYPES = new Set(['requiresScopes__Scope']);

const isSecurityLink = (directive: DirectiveNode) =>
  directive.name.value === 'link' &&
  directive.arguments?.some((arg) => arg.name.value === 'url' && arg.value.kind === Kind.STRING && SECURITY_LINKS.test(arg.value.value));

/**
 * The supergraph without its field authorization (`@authenticated`, `@requiresScopes`, their links,
 * definitions and scope scalar), for the benchmark's stock `@apollo/gateway`: the same types, fields
 * and join plan, so it plans the same subgraph calls, and authorizes nothing.
 */
export function stripSecurity(supergraph: string): string {
  const stripped = visit(parse(supergraph), {
    Directive: (node) => (SECURITY_DIRECTIVES.has(node.name.value) || isSecurityLink(node) ? null : undefined),
    DirectiveDefinition: (node) => (SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: (node) => (SECURITY_TYPES.has(node.name.value) ? null : undefined),
  });
  return `${print(stripped)}\n`;
}
