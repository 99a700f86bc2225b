import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { DEFAULT_ACCESS_DIRECTIVE_NAMES, requirementsOf, type AccessDirectiveNames, type AccessRequirement } from '../../platform/access-requirements';
import { INPUT_CATEGORIES } from '../../schema/scope-catalogue';

const AUTHENTICATED_SPEC = 'https://specs.apollo.dev/authenticated/';
const REQUIRES_SCOPES_SPEC = 'https://specs.apollo.dev/requiresScopes/';

/** The access rules of the supergraph: requirements by type name, by field coordinate and by input coordinate. */
export interface AccessRules {
  type(typeName: string): ReadonlyArray<AccessRequirement>;
  field(typeName: string, fieldName: string): ReadonlyArray<AccessRequirement>;
  /** What giving a value to an argument or input field needs (`Query.children(filter:)`, `ChildFilter.guardianshipForm`). */
  input(coordinate: string): ReadonlyArray<AccessRequirement>;
  /** The category of an argument or input field, if the catalogue names it. */
  inputCategory(coordinate: string): string | undefined;
}

/** An input the catalogue does not name can never be given: an empty disjunction no scopes meet. */
const UNCATALOGUED: ReadonlyArray<AccessRequirement> = [[]];

/**
 * Reads the `@authenticated` and `@requiresScopes` directives the composed supergraph carries
 * (under the names its `@link`s give them) on object and interface types and their fields.
 */
export function readAccessRules(supergraphSdl: string, inputCategories: Readonly<Record<string, string>> = INPUT_CATEGORIES): AccessRules {
  const document = parse(supergraphSdl);
  const names = linkedDirectiveNames(document);
  const types = new Map<string, AccessRequirement[]>();
  const fields = new Map<string, AccessRequirement[]>();
  const add = (map: Map<string, AccessRequirement[]>, key: string, directives: ReadonlyArray<ConstDirectiveNode> | undefined) => {
    const requirements = requirementsOf(directives, names);
    if (requirements.length) map.set(key, [...(map.get(key) ?? []), ...requirements]);
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      add(types, definition.name.value, definition.directives);
      for (const field of definition.fields ?? []) add(fields, `${definition.name.value}.${field.name.value}`, field.directives);
    }
  }
  return {
    type: (typeName) => types.get(typeName) ?? [],
    field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) ?? [],
    input: (coordinate) => {
      const category = inputCategories[coordinate];
      if (!category) return UNCATALOGUED;
      return category === 'authenticated' ? [[[]]] : [[[category]]];
    },
    inputCategory: (coordinate) => inputCategories[coordinate],
  };
}

/** The names the supergraph's `@link(url: ..., as: ...)` gives the access directives. */
function linkedDirectiveNames(document: DocumentNode): AccessDirectiveNames {
  const names: AccessDirectiveNames = { ...DEFAULT_ACCESS_DIRECTIVE_NAMES };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const argument = (name: string) => {
        const value = link.arguments?.find((candidate) => candidate.name.value === name)?.value;
        return value?.kind === Kind.STRING ? value.value : undefined;
      };
      const url = argument('url') ?? '';
      const alias = argument('as');
      if (alias && url.startsWith(AUTHENTICATED_SPEC)) names.authenticated = alias;
      if (alias && url.startsWith(REQUIRES_SCOPES_SPEC)) names.requiresScopes = alias;
    }
  }
  return names;
}
