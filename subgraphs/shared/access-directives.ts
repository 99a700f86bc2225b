import { Kind, parseConstValue, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { categoryDirective, FIELD_CATEGORIES } from '../../schema/scope-catalogue';

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
  return { ...field, directives: [...(field.directives ?? []), directiveNode(categoryDirective(category))] };
}

function directiveNode(sdl: string): ConstDirectiveNode {
  const match = /^@(\w+)(?:\(scopes: (.*)\))?$/.exec(sdl);
  if (!match) throw new Error(`unexpected directive ${sdl}`);
  const [, name, scopes] = match;
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name! },
    arguments: scopes ? [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'scopes' }, value: parseConstValue(scopes) }] : [],
  };
}
