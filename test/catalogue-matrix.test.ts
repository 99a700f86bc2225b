import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { demoPrincipals } from '../demo/principals';
import { ROLES, type RoleName } from '../schema/roles';
import { FIELD_CATEGORIES, INPUT_CATEGORIES } from '../schema/scope-catalogue';
import { SUPERGRAPH_PATH } from '../scripts/compose-supergraph';
import { gql, gqlData, system, type Connection } from './support/system';

/**
 * The generated check over the whole catalogue: for every role of schema/roles.ts, every field of
 * the API and every argument or filter condition, what the gateway answers is exactly what the
 * role's scopes open. Queries are generated from the supergraph, so a field or filter added
 * tomorrow is checked with no change here.
 */
const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8'), { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
const principals = demoPrincipals(2026);
const DEMO_SCHOOL = principals['school-care-teacher'].schools[0]!;
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];
const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';
/** How far below an entry point the generated selection goes (the gateway allows 12 levels). */
const MAX_DEPTH = 9;

const opens = (role: RoleName, category: string | undefined) =>
  category === 'authenticated' || (ROLES[role].scopes as ReadonlyArray<string>).includes(category ?? '');

let childId: string;
const sampleArgument = (coordinate: string, type: GraphQLInputType): string | null => {
  const samples: Record<string, string> = {
    'Query.child(id:)': `"${childId}"`,
    'Query.childByNationalId(nationalId:)': '"110101201001010011"',
    'Query.consents(childId:)': `"${childId}"`,
    'Query.childrenNeedingCarePerson(schoolId:)': `"${DEMO_SCHOOL}"`,
    'Query.school(id:)': `"${DEMO_SCHOOL}"`,
    'Query.schools(regionPrefix:)': '"34"',
    'ChildFilter.regionPrefix': '"34"',
    'ChildFilter.leftBehindType': 'BOTH_PARENTS_AWAY',
    'ChildFilter.isLeftBehind': 'true',
    'ChildFilter.guardianshipForm': 'ALONE',
    'ChildFilter.status': 'ACTIVE',
  };
  if (samples[coordinate]) return samples[coordinate];
  // One element per list: the selection reaches every field at a cost the gateway's limit admits.
  if (/\((first|last):\)$/.test(coordinate)) return '1';
  const named = getNullableType(type);
  if (isScalarType(named) && named.name === 'Int') return '2';
  if (isScalarType(named) && named.name === 'Boolean') return 'true';
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isScalarType(named) && named.name === 'ID') return '"00000000-0000-4000-8000-000000000000"';
  return null;
};

/** A field's arguments for a generated query: the required ones and page sizes, with sample values. */
function argumentsOf(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string {
  const given = field.args
    .filter((argument) => (isNonNullType(argument.type) && argument.defaultValue === undefined) || argument.name === 'first' || argument.name === 'last')
    .map((argument) => `${argument.name}: ${sampleArgument(`${parent.name}.${field.name}(${argument.name}:)`, argument.type)}`);
  return given.length ? `(${given.join(', ')})` : '';
}

/** A selection of every field of `type`, and the response paths (`@` for list elements) with each field's category. */
function selectionOf(type: GraphQLObjectType, path: string[], depth: number, seen: ReadonlySet<string>, fields: Map<string, string | undefined>): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named) && (depth >= MAX_DEPTH || seen.has(named.name))) continue;
    const fieldPath = [...path, field.name];
    fields.set(fieldPath.join('.'), FIELD_CATEGORIES[`${type.name}.${field.name}`]);
    const inner = [...fieldPath, ...listSteps(field.type)];
    const selection = isObjectType(named) ? ` { ${selectionOf(named, inner, depth + 1, new Set([...seen, named.name]), fields)} }` : '';
    parts.push(`${field.name}${argumentsOf(type, field)}${selection}`);
  }
  return parts.join(' ');
}

function listSteps(type: GraphQLOutputType): string[] {
  const steps: string[] = [];
  for (let current = type; !isScalarType(current) && !isEnumType(current) && !isObjectType(current);) {
    if (isListType(current)) steps.push('@');
    current = (current as { ofType: GraphQLOutputType }).ofType;
  }
  return steps;
}

/** The paths the gateway must report for a role: denied fields whose ancestors are all allowed. */
function expectedDenials(role: RoleName, fields: Map<string, string | undefined>): string[] {
  const denied: string[] = [];
  for (const [path, category] of fields) {
    if (opens(role, category)) continue;
    const ancestors = [...fields.keys()].filter((other) => path.startsWith(`${other}.`) && !opens(role, fields.get(other)));
    if (!ancestors.length) denied.push(path);
  }
  return denied.sort();
}

const reported = (errors: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
  [
    ...new Set(
      (errors ?? [])
        .filter((error) => error.extensions?.code === UNAUTHORIZED)
        .map((error) => (error.path ?? []).filter((step) => step !== '@' && typeof step !== 'number').join('.')),
    ),
  ].sort();

const ENTRY_POINTS = ['children', 'schools', 'partners', 'consents', 'childrenNeedingCarePerson', 'child', 'school'];

beforeAll(async () => {
  const page = await gqlData<{ children: Connection<{ id: string }> }>(`{ children(first: 1, filter: { regionPrefix: "341322" }) { edges { node { id } } } }`);
  childId = page.children.edges[0].node.id;
});

describe.each(ROLE_NAMES)('what %s gets is exactly what its scopes open', (role) => {
  it.each(ENTRY_POINTS)('every field reached from %s', async (entry) => {
    const query = schema.getQueryType()!;
    const field = query.getFields()[entry];
    const fields = new Map<string, string | undefined>([[entry, FIELD_CATEGORIES[`Query.${entry}`]]]);
    const named = getNamedType(field.type) as GraphQLObjectType;
    const selection = selectionOf(named, [entry, ...listSteps(field.type)], 1, new Set([named.name]), fields);
    expect(fields.size).toBeGreaterThan(3);
    const response = await gql(`{ ${entry}${argumentsOf(query, field)} { ${selection} } }`, {}, system.tokens[role], principals[role].purposes[0]);
    expect({ status: response.status, errors: response.status === 200 ? [] : response.body.errors }).toEqual({ status: 200, errors: [] });
    // Paths without list markers: the gateway's error paths mark list elements, the expectation does not need to.
    const expected = expectedDenials(role, fields).map((path) => path.replace(/\.@/g, ''));
    expect(reported(response.body.errors)).toEqual(expected);
    // And no error that is not about access or a missing row: the allowed part was answered.
    // (OUTSIDE_JURISDICTION: the figures of a school the directory lists outside the analyst's jurisdiction.)
    for (const error of response.body.errors ?? []) expect([UNAUTHORIZED, 'NOT_FOUND', 'OUTSIDE_JURISDICTION']).toContain(error.extensions?.code);
  });

  it('every argument and filter condition', async () => {
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      for (const argument of field.args) {
        const coordinate = `Query.${field.name}(${argument.name}:)`;
        const input = getNullableType(argument.type);
        const conditions: [string, string, string | undefined][] = isInputObjectType(input)
          ? Object.values(input.getFields()).map((inner) => [
              // The condition, and whatever else the input requires (each required field has its own row too).
              `${argument.name}: { ${[
                inner,
                ...Object.values(input.getFields()).filter((other) => other !== inner && isNonNullType(other.type) && other.defaultValue === undefined),
              ]
                .map((part) => `${part.name}: ${sampleArgument(`${input.name}.${part.name}`, part.type)}`)
                .join(', ')} }`,
              `${argument.name}.${inner.name}`,
              INPUT_CATEGORIES[`${input.name}.${inner.name}`],
            ])
          : [[`${argument.name}: ${sampleArgument(coordinate, argument.type)}`, argument.name, INPUT_CATEGORIES[coordinate]]];
        for (const [given, inputPath, category] of conditions) {
          if (given.endsWith(': null') || given.includes(': null')) continue;
          const required = field.args
            .filter((other) => other.name !== argument.name && isNonNullType(other.type) && other.defaultValue === undefined)
            .map((other) => `${other.name}: ${sampleArgument(`Query.${field.name}(${other.name}:)`, other.type)}`);
          // A field whose other required inputs cannot be sampled is checked through its own conditions only.
          if (required.some((argument) => argument.endsWith(': null'))) continue;
          const named = getNamedType(field.type);
          const response = await gql(
            `{ ${field.name}(${[given, ...required].join(', ')})${isObjectType(named) ? ' { __typename }' : ''} }`,
            {},
            system.tokens[role],
            principals[role].purposes[0],
          );
          const fieldOpen = opens(role, FIELD_CATEGORIES[`Query.${field.name}`]);
          const denial = response.body.errors?.find((error) => error.extensions?.code === UNAUTHORIZED);
          const expected = !fieldOpen ? { path: [field.name] } : !opens(role, category) ? { path: [field.name], argument: inputPath } : null;
          expect({
            given: `${field.name}(${given})`,
            denial: denial ? { path: denial.path, ...(denial.extensions?.argument ? { argument: denial.extensions.argument } : {}) } : null,
          }).toEqual({
            given: `${field.name}(${given})`,
            denial: expected,
          });
        }
      }
    }
  });
});
