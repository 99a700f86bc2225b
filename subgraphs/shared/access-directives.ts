import { Kind, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { FIELD_CATEGORIES, type CategoryName } from '../../schema/scope-catalogue';

/**
 * Puts each field's `@authenticated` or `@requiresScopes` directive, from the scope catalogue,
 * into a subgraph's type definitions. A field the catalogue does not name stops the build: no
 * field is ever served without a data category.
 */
export function withAccessDirectives(typeDefs: DocumentNode): DocumentNode {
  const missing: string[] = [];
  const result = visit(typeDefs, {
    ObjectTypeDefinition: { enter: (node) => ({ ...node, fields: node.fields?.map((field) => annotate(node.name.value, field, missing)) }) },
    ObjectTypeExtension: { enter: (node) => ({ ...node, fields: node.fields?.map((field) => annotate(node.name.value, field, missing)) }) },
  });
  if (missing.length) throw new Error(`These fields have no data category in schema/scope-catalogue.ts: ${missing.join(', ')}`);
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
