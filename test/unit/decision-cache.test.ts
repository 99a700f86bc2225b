import { buildSchema, parse } from 'graphql';
import { readAccessRules } from '../../gateway/authorization/access-rules';
import { DecisionCache } from '../../gateway/authorization/decision-cache';
import { filterOperation } from '../../gateway/authorization/operation-filter';
import { purposeRefusal } from '../../gateway/purpose';

// The cached field authorization (issue 14): a kept analysis serves only a request with the same
// document, operation, scopes and variables; any other caller gets its own.
const SDL = `
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query { children(filter: ChildFilter, first: Int = 20): [Child!]! }
  type Child {
    id: ID!
    name: String @requiresScopes(scopes: [["child:basic"]])
    nationalId: String @requiresScopes(scopes: [["child:identity"]])
  }
  input ChildFilter { region: String }
`;
const schema = buildSchema(SDL);
const rules = readAccessRules(SDL, {
  'Query.children(filter:)': 'authenticated',
  'Query.children(first:)': 'authenticated',
  'ChildFilter.region': 'child:basic',
});
const QUERY = parse(`query Page($first: Int, $withId: Boolean!, $region: String) {
  children(first: $first, filter: { region: $region }) { id @include(if: $withId) name nationalId }
}`);

function decide(cache: DecisionCache, scopes: string[], variables: Record<string, unknown>) {
  let analysed = false;
  const result = cache.decide({ document: QUERY, operationName: 'Page', scopes, variables }, () => {
    analysed = true;
    return filterOperation(schema, QUERY, 'Page', variables, rules, new Set(scopes));
  });
  return { result, analysed };
}
const denied = (result: ReturnType<typeof decide>['result']) => result.denials.map((denial) => denial.path.join('.'));

describe('the cache of field authorization analyses', () => {
  it('serves a kept analysis only to the same scopes (in any order) and variables', () => {
    const cache = new DecisionCache();
    const variables = { first: 5, withId: true };
    const wide = decide(cache, ['child:basic', 'child:identity'], variables);
    expect(wide.analysed).toBe(true);
    expect(denied(wide.result)).toEqual([]);
    const again = decide(cache, ['child:identity', 'child:basic', 'child:basic'], { first: 5, withId: true });
    expect(again.analysed).toBe(false);
    expect(again.result).toBe(wide.result);
  });

  it('never gives a caller with fewer scopes the analysis that allowed a wider one', () => {
    const cache = new DecisionCache();
    decide(cache, ['child:basic', 'child:identity'], { withId: true });
    const narrow = decide(cache, ['child:basic'], { withId: true });
    expect(narrow.analysed).toBe(true);
    expect(denied(narrow.result)).toEqual(['children.@.nationalId']);
    const none = decide(cache, [], { withId: true });
    expect(none.analysed).toBe(true);
    expect(denied(none.result)).toEqual(['children.@.name', 'children.@.nationalId']);
    // And the wide one still gets its own.
    expect(denied(decide(cache, ['child:identity', 'child:basic'], { withId: true }).result)).toEqual([]);
  });

  it('analyses afresh when the variables differ (directives, inputs the scopes do not open)', () => {
    const cache = new DecisionCache();
    const scopes = ['child:identity'];
    expect(denied(decide(cache, scopes, { withId: true }).result)).toEqual(['children.@.name']);
    const byRegion = decide(cache, scopes, { withId: true, region: '360731' });
    expect(byRegion.analysed).toBe(true);
    // A filter by a field the scopes do not open removes the whole list.
    expect(denied(byRegion.result)).toEqual(['children']);
    expect(decide(cache, scopes, { withId: false }).analysed).toBe(true);
  });

  it('keeps no analysis that refused the variables, and no key for very large variables', () => {
    const cache = new DecisionCache();
    const invalid = decide(cache, ['child:basic'], { withId: 'yes' });
    expect(invalid.result.invalidVariables?.length).toBeGreaterThan(0);
    expect(decide(cache, ['child:basic'], { withId: 'yes' }).analysed).toBe(true);
    const large = { withId: true, region: 'x'.repeat(5000) };
    decide(cache, ['child:basic'], large);
    expect(decide(cache, ['child:basic'], large).analysed).toBe(true);
  });

  it('shares nothing a request could change, and the purpose rule still runs on each request', () => {
    const cache = new DecisionCache();
    const kept = decide(cache, ['child:basic'], { withId: true }).result;
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(kept.denials)).toBe(true);
    // The analysis says what is read; whether a purpose was needed is decided per request from it.
    expect(purposeRefusal(kept, null)).not.toBeNull();
    expect(purposeRefusal(kept, 'case-management')).toBeNull();
  });
});
