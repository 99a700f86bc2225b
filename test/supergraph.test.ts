import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { printApiSchema } from '../scripts/api-schema';
import { API_SCHEMA_PATH, composeSupergraph, SUPERGRAPH_PATH } from '../scripts/compose-supergraph';

describe('the committed supergraph', () => {
  it('is what composing the current subgraph schemas produces (run `npm run compose` if not)', async () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(await composeSupergraph());
  });

  it('comes with its API schema, what clients see and generate their types from (run `npm run compose` if not)', () => {
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(printApiSchema(readFileSync(SUPERGRAPH_PATH, 'utf8')));
  });

  it('describes every type and field for its users', async () => {
    const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const missing: string[] = [];
    // Federation's own machinery (join__, link__, requiresScopes__) and the root types need no description.
    const machinery = /^(__|join__|link__|requiresScopes__)/;
    const ours = (name: string) => !machinery.test(name) && !['Query', 'Mutation', 'String', 'Boolean', 'Int', 'ID', 'Float'].includes(name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (machinery.test(type.name)) continue;
      if (ours(type.name) && !type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
