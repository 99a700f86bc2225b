import { buildSchema, parse, print, validate } from 'graphql';
import { readAccessRules } from '../../gateway/authorization/access-rules';
import { filterOperation } from '../../gateway/authorization/operation-filter';
import { applyDenials } from '../../gateway/authorization/response-nulls';

// A small schema with what the live one does not have yet (an interface, a union, a type-level
// rule, a non-null root field that needs a scope), so every construct the filter must see through
// is covered.
const SDL = `
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query {
    child(id: ID!): Child
    children(filter: ChildFilter, first: Int = 20): [Child!]!
    childrenCount(filter: ChildFilter): Int!
    uncatalogued(x: Int): Int
    search: [SearchResult!]!
    node: Node
    secret: Secret
    count: Int! @authenticated
    total: Int! @requiresScopes(scopes: [["report:aggregate"]])
  }
  interface Node { id: ID! }
  type Child implements Node {
    id: ID!
    name: String @requiresScopes(scopes: [["child:basic"]])
    nationalId: String @requiresScopes(scopes: [["child:identity"]])
    guardian: Guardian @requiresScopes(scopes: [["child:family"]])
    school: School
  }
  type Guardian {
    name: String! @requiresScopes(scopes: [["child:family"]])
    phone: String! @requiresScopes(scopes: [["child:family", "child:contact"]])
  }
  type School implements Node {
    id: ID! @requiresScopes(scopes: [["directory:read"]])
    name: String @requiresScopes(scopes: [["directory:read"]])
    note: String @requiresScopes(scopes: [["edu:care"]])
  }
  type Secret @requiresScopes(scopes: [["secret"]]) { value: String }
  union SearchResult = Child | School | Secret
  input ChildFilter { region: String guardianForm: String any: [ChildFilter!] }
`;
const schema = buildSchema(SDL);
// The catalogue of this schema's inputs: a filter condition is in the category of the field it tests.
const INPUTS = {
  'Query.child(id:)': 'authenticated',
  'Query.children(filter:)': 'authenticated',
  'Query.children(first:)': 'authenticated',
  'Query.childrenCount(filter:)': 'authenticated',
  'ChildFilter.region': 'child:basic',
  'ChildFilter.guardianForm': 'child:family',
  'ChildFilter.any': 'authenticated',
};
const rules = readAccessRules(SDL, INPUTS);

function filter(query: string, scopes: string[], variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const result = filterOperation(schema, document, operationName, variables, rules, new Set(scopes));
  if (result.document) expect(validate(schema, result.document)).toEqual([]);
  return {
    ...result,
    printed: result.document ? print(result.document) : null,
    reported: result.denials.filter((d) => d.reported).map((d) => d.path.join('.')),
  };
}

describe('removing unauthorized fields before planning', () => {
  it('leaves an operation whose fields are all authorized as it was', () => {
    const query = '{ child(id: "1") { id name } }';
    const result = filter(query, ['child:basic']);
    expect(result.denials).toEqual([]);
    expect(result.printed).toBe(print(parse(query)));
  });

  it('removes a field the scopes do not open, reports its path and nulls it in the response', () => {
    const result = filter('{ child(id: "1") { id name nationalId } }', ['child:basic']);
    expect(result.printed).not.toContain('nationalId');
    expect(result.printed).toContain('name');
    expect(result.reported).toEqual(['child.nationalId']);
    const data = applyDenials({ child: { id: '1', name: '张三' } }, result.denials, result.addedTypename);
    expect(data).toEqual({ child: { id: '1', name: '张三', nationalId: null } });
  });

  it('follows aliases: each alias of a protected field is removed and reported under its alias', () => {
    const result = filter('{ child(id: "1") { a: nationalId b: nationalId ok: id } }', []);
    expect(result.printed).not.toContain('nationalId');
    expect(result.reported.sort()).toEqual(['child.a', 'child.b']);
    expect(applyDenials({ child: { ok: '1' } }, result.denials, false)).toEqual({ child: { ok: '1', a: null, b: null } });
  });

  it('sees through named fragments, nested fragments and inline fragments, reporting each place', () => {
    const result = filter(
      `query Q { child(id: "1") { ...Outer } children { ... on Child { ...Inner } } }
       fragment Outer on Child { id ...Inner }
       fragment Inner on Child { nationalId name }`,
      ['child:basic'],
      {},
      'Q',
    );
    expect(result.printed).not.toContain('nationalId');
    expect(result.printed).not.toContain('fragment');
    expect(result.reported.sort()).toEqual(['child.nationalId', 'children.@.nationalId']);
    const data = applyDenials({ child: { id: '1', name: 'a' }, children: [{ name: 'b' }, { name: 'c' }] }, result.denials, false);
    expect(data).toEqual({
      child: { id: '1', name: 'a', nationalId: null },
      children: [
        { name: 'b', nationalId: null },
        { name: 'c', nationalId: null },
      ],
    });
  });

  it('propagates the null of a non-null field to its nearest nullable ancestor', () => {
    const result = filter('{ child(id: "1") { id guardian { name phone } } }', ['child:family']);
    expect(result.reported).toEqual(['child.guardian.phone']);
    expect(result.printed).toContain('name');
    const data = applyDenials({ child: { id: '1', guardian: { name: '李四' } } }, result.denials, false);
    expect(data).toEqual({ child: { id: '1', guardian: null } });
  });

  it('nulls all of data when a non-null root field is removed', () => {
    const result = filter('{ total child(id: "1") { id name } }', ['child:basic']);
    expect(result.reported).toEqual(['total']);
    expect(result.printed).not.toContain('total');
    expect(result.printed).toContain('name');
    // The rest is still asked for, but a non-null root field that is null takes all of data with it.
    expect(applyDenials({ child: { id: '1', name: '张三' } }, result.denials, result.addedTypename)).toBeNull();
    // With the scope nothing is removed; and @authenticated, met by any caller the gateway let in, removes nothing either.
    expect(filter('{ total child(id: "1") { id name } }', ['child:basic', 'report:aggregate']).denials).toEqual([]);
    expect(filter('{ count child(id: "1") { id } }', []).denials).toEqual([]);
  });

  it('removes a field whose whole selection was removed, and returns no document when nothing is left', () => {
    const result = filter('{ child(id: "1") { guardian { name } } }', []);
    expect(result.document).toBeNull();
    expect(result.reported).toEqual(['child.guardian']);
    const partly = filter('{ child(id: "1") { guardian { name } } children { id } }', []);
    expect(partly.printed).not.toContain('child(');
    expect(applyDenials({ children: [] }, partly.denials, false)).toEqual({ children: [], child: null });
  });

  it('drops selections skipped by @skip/@include without an error, and honours variables', () => {
    const query = 'query ($show: Boolean!) { child(id: "1") { id nationalId @include(if: $show) name @skip(if: $show) } }';
    expect(filter(query, [], { show: false }).reported).toEqual(['child.name']);
    expect(filter(query, [], { show: true }).reported).toEqual(['child.nationalId']);
  });

  it('applies the rules of every implementation to a field asked through an interface', () => {
    const denied = filter('{ node { id } }', []);
    expect(denied.reported).toEqual(['node.id']);
    expect(filter('{ node { id } }', ['directory:read']).denials).toEqual([]);
  });

  it('nulls a field narrowed by a fragment on a union member only in objects of that member', () => {
    const result = filter('{ search { ... on Child { id nationalId } ... on School { name note } } }', ['directory:read']);
    expect(result.reported.sort()).toEqual(['search.@.nationalId', 'search.@.note']);
    expect(result.addedTypename).toBe(true);
    const data = applyDenials(
      {
        search: [
          { id: 'c1', __authz_typename: 'Child' },
          { name: 'S', __authz_typename: 'School' },
        ],
      },
      result.denials,
      result.addedTypename,
    );
    expect(data).toEqual({
      search: [
        { id: 'c1', nationalId: null },
        { name: 'S', note: null },
      ],
    });
  });

  it('removes fragments on a type the scopes do not open, and fields returning it', () => {
    const query = `query Q { search { ... on Child { id } ...SecretPart ... on Secret { value } } secret { value } }
       fragment SecretPart on Secret { v: value }`;
    const result = filter(query, [], {}, 'Q');
    // The named and the inline fragment on Secret are gone, each reported where it was spread; so is the field returning Secret.
    expect(result.printed).not.toMatch(/Secret|secret|fragment/);
    expect(result.printed).toContain('... on Child');
    expect(result.reported.sort()).toEqual(['search.@', 'search.@', 'secret']);
    // A Secret in the list comes back with none of its fields; other members keep theirs.
    const data = applyDenials({ search: [{ id: 'c1', __authz_typename: 'Child' }, { __authz_typename: 'Secret' }] }, result.denials, result.addedTypename);
    expect(data).toEqual({ search: [{ id: 'c1' }, {}], secret: null });
    expect(filter(query, ['secret'], {}, 'Q').denials).toEqual([]);
  });

  it('keeps __typename and introspection, which scopes do not govern', () => {
    const result = filter('{ __typename child(id: "1") { __typename nationalId } }', []);
    expect(result.printed).toContain('__typename');
    expect(result.reported).toEqual(['child.nationalId']);
  });

  it('uses the coerced variable values: a variable default in @include/@skip, a variable left out', () => {
    const query = 'query ($show: Boolean! = false) { child(id: "1") { id nationalId @include(if: $show) } }';
    expect(filter(query, []).reported).toEqual([]);
    expect(filter(query, [], { show: true }).reported).toEqual(['child.nationalId']);
    const nullable = 'query ($skip: Boolean = true) { child(id: "1") { id nationalId @skip(if: $skip) } }';
    expect(filter(nullable, []).reported).toEqual([]);
    expect(filter(nullable, [], { skip: false }).reported).toEqual(['child.nationalId']);
  });

  it('refuses variables that do not fit their definitions instead of guessing', () => {
    const result = filter('query ($show: Boolean!) { child(id: "1") { id nationalId @include(if: $show) } }', []);
    expect(result.invalidVariables?.length).toBe(1);
    expect(result.document).toBeNull();
  });
});

describe('inputs obey the field rules: a filter by a field needs the scope that opens it', () => {
  const denied = (result: ReturnType<typeof filter>) => result.denials.filter((d) => d.reported).map((d) => `${d.path.join('.')}:${d.argument ?? ''}`);

  it('removes the field whose filter the scopes do not open, literal or variable, and never runs it wider', () => {
    expect(denied(filter('{ children(filter: { guardianForm: "ALONE" }) { id } }', ['child:basic']))).toEqual(['children:filter.guardianForm']);
    expect(denied(filter('query ($f: ChildFilter) { children(filter: $f) { id } }', ['child:basic'], { f: { guardianForm: 'ALONE' } }))).toEqual([
      'children:filter.guardianForm',
    ]);
    expect(denied(filter('query ($g: String) { children(filter: { guardianForm: $g }) { id } }', ['child:basic'], { g: 'ALONE' }))).toEqual([
      'children:filter.guardianForm',
    ]);
    // Nothing else was asked, so nothing runs: not the list without the filter.
    expect(filter('{ children(filter: { guardianForm: "ALONE" }) { id } }', ['child:basic']).document).toBeNull();
  });

  it('finds the condition nested in lists of inputs, under aliases, fragments and in every operation', () => {
    const nested = filter('{ a: children(filter: { any: [{ region: "34" }, { guardianForm: "ALONE" }] }) { id } b: children { id } }', ['child:basic']);
    expect(denied(nested)).toEqual(['a:filter.any.guardianForm']);
    expect(nested.printed).toContain('b: children');
    expect(nested.printed).not.toContain('ALONE');
    const fragment = filter('query Q { ...F } fragment F on Query { c: childrenCount(filter: { guardianForm: "ALONE" }) }', ['child:basic'], {}, 'Q');
    expect(denied(fragment)).toEqual(['c:filter.guardianForm']);
    // A non-null count removed nulls all of data rather than answer a count of a wider list.
    expect(applyDenials({}, fragment.denials, false)).toBeNull();
  });

  it('lets a condition through with its scope, and a null condition, which selects nothing, without', () => {
    expect(filter('{ children(filter: { guardianForm: "ALONE" }) { id } }', ['child:family']).denials).toEqual([]);
    expect(filter('query ($g: String) { children(filter: { guardianForm: $g, region: "34" }) { id } }', ['child:basic']).denials).toEqual([]);
    expect(filter('{ children(filter: { guardianForm: null }) { id } }', []).inputCategories.size).toBe(0);
    expect([...filter('{ children(filter: { region: "34" }) { id } }', ['child:basic']).inputCategories]).toEqual(['child:basic']);
  });

  it('refuses an input the catalogue does not name, whatever the scopes', () => {
    expect(denied(filter('{ uncatalogued(x: 1) }', ['child:basic', 'child:family']))).toEqual(['uncatalogued:x']);
  });
});

describe('access rules', () => {
  it('reads directives renamed by the supergraph @link', () => {
    const renamed = readAccessRules(`
      schema @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY) { query: Query }
      type Query { a: String @scopes(scopes: [["x"]]) b: String @requiresScopes(scopes: [["y"]]) }
    `);
    expect(renamed.field('Query', 'a')).toEqual([[['x']]]);
    expect(renamed.field('Query', 'b')).toEqual([]);
  });
});
