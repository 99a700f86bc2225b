import { readFileSync } from 'node:fs';
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, parseOperation, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { buildSchema, printSchema } from 'graphql';
import { DOSSIER_PAGE, SMALL_QUERY } from '../../scripts/bench-throughput';
import { SUPERGRAPH_PATH } from '../../scripts/compose-supergraph';
import { stripSecurity } from '../../scripts/strip-security';

/**
 * `npm run bench:peers` runs stock @apollo/gateway on the supergraph without its security links:
 * that supergraph must carry no field authorization, load in a gateway that supports no security
 * feature, and otherwise be the same graph (same API, same plans), or the comparison is not like
 * for like.
 */
const original = readFileSync(SUPERGRAPH_PATH, 'utf8');
const stripped = stripSecurity(original);
const SECURITY_FEATURES = new Set([
  ...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES,
  'https://specs.apollo.dev/authenticated/v0.1',
  'https://specs.apollo.dev/requiresScopes/v0.1',
]);

describe('the supergraph without its security links', () => {
  it('has no @authenticated, @requiresScopes, their links or their scope scalar', () => {
    expect(original).toMatch(/@requiresScopes\(/);
    expect(original).toMatch(/@authenticated\b/);
    for (const trace of ['@requiresScopes', '@authenticated', 'requiresScopes__Scope', 'specs.apollo.dev/authenticated', 'specs.apollo.dev/requiresScopes']) {
      expect(stripped).not.toContain(trace);
    }
  });

  it('parses, and loads where no security feature is supported (the original does not)', () => {
    expect(() => buildSchema(stripped)).not.toThrow();
    expect(() => Supergraph.build(original, { supportedFeatures: DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES })).toThrow(/security/i);
    expect(() => Supergraph.build(stripped, { supportedFeatures: DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES })).not.toThrow();
  });

  it('is otherwise the same graph: the same API schema and the same plans for the benchmark queries', () => {
    const before = Supergraph.build(original, { supportedFeatures: SECURITY_FEATURES });
    const after = Supergraph.build(stripped, { supportedFeatures: DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES });
    const api = (supergraph: Supergraph) => printSchema(supergraph.apiSchema().toGraphQLJSSchema());
    expect(api(after)).toBe(api(before));
    for (const query of [DOSSIER_PAGE, SMALL_QUERY]) {
      const plan = (supergraph: Supergraph) => prettyFormatQueryPlan(new QueryPlanner(supergraph).buildQueryPlan(parseOperation(supergraph.schema, query)));
      expect(plan(after)).toBe(plan(before));
    }
  });
});
