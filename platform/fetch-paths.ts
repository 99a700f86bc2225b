import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The paths of everything a subgraph call answers, for errors that stand for the whole call (the
 * subgraph timed out, its database is down, its answer was withheld): a root field's response
 * key, or for an entity fetch each entity's fields as `["_entities", i, field]`, which the gateway
 * turns into the entity's place in the client's answer. So each null the failure leaves carries
 * its error at its own path, as the client asked for it.
 */
export function fetchPaths(
  query: string | DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): (string | number)[][] {
  let document: DocumentNode;
  try {
    document = typeof query === 'string' ? parse(query) : query;
  } catch {
    return [];
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment.selectionSet]),
  );
  const paths: (string | number)[][] = [];
  for (const key of responseKeys(operation.selectionSet, fragments)) {
    if (key.name !== '_entities') {
      paths.push([key.responseKey]);
      continue;
    }
    const representations = Array.isArray(variables?.representations) ? variables.representations.length : 0;
    const fields = key.selectionSet ? responseKeys(key.selectionSet, fragments).map((field) => field.responseKey) : [];
    for (let index = 0; index < representations; index++) {
      for (const field of fields.length ? fields : [null]) paths.push(field ? [key.responseKey, index, field] : [key.responseKey, index]);
    }
  }
  return paths;
}

type Key = { name: string; responseKey: string; selectionSet?: SelectionSetNode };

/** The fields a selection set answers (through fragments), without __typename. */
function responseKeys(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>, seen = new Set<string>()): Key[] {
  const keys = new Map<string, Key>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      const responseKey = selection.alias?.value ?? selection.name.value;
      if (!keys.has(responseKey)) keys.set(responseKey, { name: selection.name.value, responseKey, selectionSet: selection.selectionSet });
    } else {
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      const inner = name ? fragments.get(name) : selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : undefined;
      if (!inner || (name && seen.has(name))) continue;
      for (const key of responseKeys(inner, fragments, name ? new Set([...seen, name]) : seen)) if (!keys.has(key.responseKey)) keys.set(key.responseKey, key);
    }
  }
  return [...keys.values()];
}
