import { Kind, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { argumentCoordinate } from '../../platform/given-inputs';
import { FIELD_CATEGORIES, INPUT_CATEGORIES, type CategoryName } from '../../schema/scope-catalogue';

/**
 * Puts each field's `@authenticated` or `@requiresScopes` directive, from the scope catalogue,
 * into a subgraph's type definitions. A field the catalogue does not name stops the build: no
 * field is ever served without a data category. So does an argument or input field missing from
 * INPUT_CATEGORIES: a new filter gets the field rules by default, never by someone remembering.
 */
export function withAccessDirectives(typeDefs: DocumentNode): DocumentNode {
  const missing: string[] = [];
  const missingInputs: string[] = [];
  const needInput = (coordinate: string) => {
    if (!INPUT_CATEGORIES[coordinate]) missingInputs.push(coordinate);
  };
  const annotateFields = (typeName: string, fields: ReadonlyArray<FieldDefinitionNode> | undefined) =>
    fields?.map((field) => {
      for (const argument of field.arguments ?? []) needInput(argumentCoordinate(typeName, field.name.value, argument.name.value));
      return annotate(typeName, field, missing);
    });
  const result = visit(typeDefs, {
    ObjectTypeDefinition: { enter: (node) => ({ ...node, fields: annotateFields(node.name.value, node.fields) }) },
    ObjectTypeExtension: { enter: (node) => ({ ...node, fields: annotateFields(node.name.value, node.fields) }) },
    InputObjectTypeDefinition: { enter: (node) => void node.fields?.forEach((field) => needInput(`${node.name.value}.${field.name.value}`)) },
  });
  if (missing.length) throw new Error(`These fields have no data category in schema/scope-catalogue.ts: ${missing.join(', ')}`);
  if (missingInputs.length) {
    throw new Error(`These arguments and input fields have no data category in INPUT_CATEGORIES (schema/scope-catalogue.ts): ${missingInputs.join(', ')}`);
  }
  return result;
}

function annotate(typeName: string, field: FieldDefinitionNode, missing: string[]): FieldDefinitionNode {
  // An @external field is resolved, and its access rule declared, in the subgraph that owns it.
  if (field.directives?.some((directive) => directive.name.value === 'external')) return field;
  const coordinate = `${typeName}.${field.name.value}`;
  const category = FIELD_CATEGORIES[coordinate];
  if (!category) {
    missing.push(coordinate);
    return field;
  }
  return { ...field, directives: [...(field.directives ?? []), accessDirective(category)] };
}

/** `@authenticated` for plumbing, else `@requiresScopes(scopes: [["<category>"]])`. */
function accessDirective(category: CategoryName): ConstDirectiveNode {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  if (category === 'authenticated') return { kind: Kind.DIRECTIVE, name: name('authenticated'), arguments: [] };
  const scopes = { kind: Kind.LIST, values: [{ kind: Kind.LIST, values: [{ kind: Kind.STRING, value: category }] }] } as const;
  return { kind: Kind.DIRECTIVE, name: name('requiresScopes'), arguments: [{ kind: Kind.ARGUMENT, name: name('scopes'), value: scopes }] };
}
