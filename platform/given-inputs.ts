import { getNullableType, isInputObjectType, isListType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

/** One input the caller gave a value to: where it is in the arguments, and its schema coordinate. */
export interface GivenInput {
  /** `filter.guardianshipForm`: the argument, then the input fields down to this one. */
  readonly path: string;
  /** `Query.children(filter:)` for an argument, `ChildFilter.guardianshipForm` for an input field. */
  readonly coordinate: string;
}

/** The schema coordinate of an argument, as the scope catalogue names it. */
export const argumentCoordinate = (typeName: string, fieldName: string, argumentName: string) => `${typeName}.${fieldName}(${argumentName}:)`;

/**
 * Every argument and input field the caller gave a non-null value to, in coerced argument values
 * (the gateway's and the subgraph's, so both judge the same values). A null selects nothing, so it
 * needs no scope; an argument the caller left out is not given, whatever its default.
 */
export function givenInputs(
  typeName: string,
  fieldName: string,
  argumentDefinitions: ReadonlyArray<GraphQLArgument>,
  values: Record<string, unknown>,
  given: (argumentName: string) => boolean,
): GivenInput[] {
  const found: GivenInput[] = [];
  const walk = (value: unknown, type: GraphQLInputType, path: string) => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      for (const element of Array.isArray(value) ? value : [value]) walk(element, nullable.ofType, path);
      return;
    }
    if (!isInputObjectType(nullable) || typeof value !== 'object') return;
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const inner = (value as Record<string, unknown>)[name];
      if (inner === null || inner === undefined) continue;
      found.push({ path: `${path}.${name}`, coordinate: `${nullable.name}.${name}` });
      walk(inner, field.type, `${path}.${name}`);
    }
  };
  for (const argument of argumentDefinitions) {
    const value = values[argument.name];
    if (!given(argument.name) || value === null || value === undefined) continue;
    found.push({ path: argument.name, coordinate: argumentCoordinate(typeName, fieldName, argument.name) });
    walk(value, argument.type, argument.name);
  }
  return found;
}
