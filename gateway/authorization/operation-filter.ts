import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { meetsRequirements, type AccessRequirement } from '../../platform/access-requirements';
import { givenInputs } from '../../platform/given-inputs';
import type { AccessRules } from './access-rules';

/** Marks every element of a list in a response path, as Apollo Router does. */
export const LIST_ELEMENTS = '@';
/** Alias under which the filter asks for `__typename` where it must tell an abstract type's members apart. */
export const TYPENAME_ALIAS = '__authz_typename';

/** A step of a path into the response: a response key, every list element, or "only objects of these types". */
export type PathStep = string | { readonly onlyTypes: ReadonlyArray<string> };

export interface Denial {
  /** Response path of the removed field (response keys, `@` for list elements), as in the error. */
  readonly path: ReadonlyArray<string>;
  /** Where the response gets `null`: the field itself if nullable, else its nearest nullable ancestor; `data` for all of it. */
  readonly nullAt: ReadonlyArray<PathStep> | 'data' | 'nothing';
  /** False where the field was removed only because everything under it was. */
  readonly reported: boolean;
  /** Where the field was removed for an input the caller gave (`filter.guardianshipForm`), that input. */
  readonly argument?: string;
}

export interface FilterResult {
  /** The operation with only the authorized selections; null when nothing requested is authorized. */
  readonly document: DocumentNode | null;
  readonly denials: ReadonlyArray<Denial>;
  /** True when the document asks for TYPENAME_ALIAS, which must be removed from the response. */
  readonly addedTypename: boolean;
  /** The types whose fields the authorized operation reads (an abstract type counts as all its members). */
  readonly readTypes: ReadonlySet<string>;
  /** The categories of the inputs the authorized operation gives (what it selects by or writes). */
  readonly inputCategories: ReadonlySet<string>;
  /** True when the authorized operation writes (keeps a mutation field). */
  readonly writes: boolean;
  /** The variables do not fit their definitions: the operation is refused with these errors (as the gateway itself would). */
  readonly invalidVariables?: ReadonlyArray<GraphQLError>;
}

interface Position {
  readonly steps: ReadonlyArray<PathStep>;
  readonly errorPath: ReadonlyArray<string>;
  readonly nearestNullable: ReadonlyArray<PathStep> | 'data';
}

/**
 * Removes from an operation every field and fragment the caller's scopes do not open, before the
 * gateway plans it, so no subgraph is ever asked for them (Apollo Router's semantics). Fragment
 * spreads are inlined on the way, so each removal is known by the response path it would have
 * filled; selections skipped by `@skip`/`@include` are dropped without an error. A field is removed
 * too when the caller gave an argument or input field its scopes do not open (a filter by a field it
 * may not read), so a denied input never silently widens or narrows what comes back. Directives and
 * arguments are read with the coerced variable values, defaults included, as execution will see them.
 */
export function filterOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  rules: AccessRules,
  scopes: ReadonlySet<string>,
): FilterResult {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) throw new Error('The operation to filter was not found; it should have failed validation.');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`The schema has no ${operation.operation} type.`);

  const denials: Denial[] = [];
  const readTypes = new Set<string>();
  const inputCategories = new Set<string>();
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coercion.errors) {
    return { document: null, denials, addedTypename: false, readTypes, inputCategories, writes: false, invalidVariables: coercion.errors };
  }
  const coerced = coercion.coerced;
  let addedTypename = false;
  let writes = false;
  const allowed = (requirements: ReadonlyArray<AccessRequirement>) => meetsRequirements(requirements, scopes);
  const skipped = (directives: ReadonlyArray<DirectiveNode> | undefined) => {
    const node = { directives } as FieldNode;
    return getDirectiveValues(GraphQLSkipDirective, node, coerced)?.if === true || getDirectiveValues(GraphQLIncludeDirective, node, coerced)?.if === false;
  };
  /** The first input the caller gave to the field that its scopes do not open; the categories of those they do are noted. */
  const deniedInput = (parent: GraphQLCompositeType, node: FieldNode, definition: GraphQLField<unknown, unknown>): string | null => {
    if (!node.arguments?.length) return null;
    const given = new Set(node.arguments.map((argument) => argument.name.value));
    const inputs = givenInputs(parent.name, node.name.value, definition.args, getArgumentValues(definition, node, coerced), (name) => given.has(name));
    for (const input of inputs) if (!allowed(rules.input(input.coordinate))) return input.path;
    for (const input of inputs) {
      const category = rules.inputCategory(input.coordinate);
      if (category && category !== 'authenticated') inputCategories.add(category);
    }
    return null;
  };

  /** What reading `fieldName` on `parent` requires: the field, on every type it may resolve on, and the type it returns. */
  const fieldRequirements = (parent: GraphQLCompositeType, fieldName: string, type: GraphQLOutputType): AccessRequirement[] => {
    const owners = isAbstractType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
    const requirements = owners.flatMap((owner) => [...rules.field(owner.name, fieldName), ...(owner === parent ? [] : rules.type(owner.name))]);
    return [...requirements, ...rules.type(getNamedType(type).name)];
  };

  const filterSelections = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, at: Position): SelectionNode[] => {
    const kept: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (skipped(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        const field = filterField(selection, parent, at);
        if (field) kept.push(field);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!condition || !isCompositeType(condition)) continue;
      if (!allowed(rules.type(condition.name))) {
        denials.push({ path: at.errorPath, nullAt: 'nothing', reported: true });
        continue;
      }
      // Inside a fragment that narrows an abstract type, nulls go only to objects of the narrower type.
      // (A null that propagates past the abstract field reaches it whatever its members: more than
      // strictly needed, never less.)
      const narrows = isAbstractType(parent) && condition.name !== parent.name;
      const inner: Position = narrows
        ? {
            ...at,
            steps: [
              ...at.steps,
              {
                onlyTypes: schema
                  .getPossibleTypes(parent)
                  .filter((type) => (isObjectType(condition) ? type.name === condition.name : schema.isSubType(condition, type)))
                  .map((type) => type.name),
              },
            ],
          }
        : at;
      const selections = filterSelections(fragment.selectionSet, condition, inner);
      if (!selections.length) continue;
      kept.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: selection.directives,
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      });
    }
    return kept;
  };

  const filterField = (node: FieldNode, parent: GraphQLCompositeType, at: Position): FieldNode | null => {
    if (node.name.value === '__typename') return node;
    const definition = 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return node; // __schema and __type: governed by the introspection setting, not by scopes
    const key = node.alias?.value ?? node.name.value;
    const steps = [...at.steps, key];
    const errorPath = [...at.errorPath, key];
    const nullAt = isNonNullType(definition.type) ? at.nearestNullable : steps;
    if (!allowed(fieldRequirements(parent, node.name.value, definition.type))) {
      denials.push({ path: errorPath, nullAt, reported: true });
      return null;
    }
    const argument = deniedInput(parent, node, definition);
    if (argument) {
      denials.push({ path: errorPath, nullAt, reported: true, argument });
      return null;
    }
    readTypes.add(parent.name);
    if (parent === schema.getMutationType()) writes = true;
    if (isAbstractType(parent)) for (const type of schema.getPossibleTypes(parent)) readTypes.add(type.name);
    if (!node.selectionSet) return node;
    const denialsBefore = denials.length;
    const listSteps = listDepth(definition.type);
    const inner: Position = {
      steps: [...steps, ...listSteps],
      errorPath: [...errorPath, ...listSteps],
      nearestNullable: isNonNullType(definition.type) ? at.nearestNullable : steps,
    };
    const named = getNamedType(definition.type) as GraphQLCompositeType;
    const selections = filterSelections(node.selectionSet, named, inner);
    if (!selections.length) {
      denials.push({ path: errorPath, nullAt, reported: false });
      return null;
    }
    if (isAbstractType(named) && denials.length > denialsBefore) {
      selections.push({ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: TYPENAME_ALIAS }, name: { kind: Kind.NAME, value: '__typename' } });
      addedTypename = true;
    }
    return { ...node, selectionSet: { kind: Kind.SELECTION_SET, selections } };
  };

  const selections = filterSelections(operation.selectionSet, rootType, { steps: [], errorPath: [], nearestNullable: 'data' });
  if (!denials.length) return { document, denials, addedTypename: false, readTypes, inputCategories, writes };
  if (!selections.length) return { document: null, denials, addedTypename: false, readTypes, inputCategories, writes };
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  // A variable only removed fields used would make the filtered operation invalid.
  const used = new Set<string>();
  visit({ ...operation, variableDefinitions: [], selectionSet }, { Variable: (variable) => void used.add(variable.name.value) });
  const variableDefinitions = operation.variableDefinitions?.filter((definition) => used.has(definition.variable.name.value));
  const filtered: OperationDefinitionNode = { ...operation, variableDefinitions, selectionSet };
  return { document: { kind: Kind.DOCUMENT, definitions: [filtered] }, denials, addedTypename, readTypes, inputCategories, writes };
}

/** One `@` per list the field's type wraps its elements in. */
function listDepth(type: GraphQLOutputType): string[] {
  const steps: string[] = [];
  let current: GraphQLOutputType = type;
  for (;;) {
    if (isNonNullType(current)) current = current.ofType;
    else if (isListType(current)) {
      steps.push(LIST_ELEMENTS);
      current = current.ofType;
    } else return steps;
  }
}
