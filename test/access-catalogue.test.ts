import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { Kind, parse } from 'graphql';
import { createEnforcingGateway } from '../gateway/authorization/enforcing-gateway';
import { createLogger } from '../platform/logger';
import { ROLES } from '../schema/roles';
import { CLASSIFICATION_NOTES, DATA_CATEGORIES, FIELD_CATEGORIES, INPUT_CATEGORIES } from '../schema/scope-catalogue';
import { accessControlDoc, ACCESS_DOC_PATH } from '../scripts/scope-table';
import { SUPERGRAPH_PATH } from '../scripts/compose-supergraph';
import { subgraphSdls } from '../scripts/subgraph-schemas';
import { withAccessDirectives } from '../subgraphs/shared/access-directives';

describe('the scope catalogue', () => {
  it('gives every field of every subgraph a data category, and names no field that does not exist', async () => {
    const fields = new Set<string>();
    const uncategorized: string[] = [];
    for (const { sdl } of await subgraphSdls()) {
      for (const definition of parse(sdl).definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        if (definition.name.value.startsWith('_')) continue;
        for (const field of definition.fields ?? []) {
          if (field.name.value.startsWith('_')) continue; // _entities, _service: federation's own
          if (field.directives?.some((directive) => directive.name.value === 'external')) continue; // ruled where it is resolved
          const coordinate = `${definition.name.value}.${field.name.value}`;
          fields.add(coordinate);
          if (!FIELD_CATEGORIES[coordinate]) uncategorized.push(coordinate);
          const directives = field.directives?.map((directive) => directive.name.value) ?? [];
          expect(directives.some((name) => name === 'requiresScopes' || name === 'authenticated')).toBe(true);
        }
      }
    }
    expect(uncategorized).toEqual([]);
    expect(Object.keys(FIELD_CATEGORIES).filter((coordinate) => !fields.has(coordinate))).toEqual([]);
  });

  it('refuses to build a subgraph schema with a field that has no category', () => {
    expect(() => withAccessDirectives(parse('type Child { id: ID! shoeSize: Int }'))).toThrow(/Child\.shoeSize/);
  });

  it('gives every argument and input field of every subgraph a category, and names none that does not exist', async () => {
    const inputs = new Set<string>();
    for (const { sdl } of await subgraphSdls()) {
      for (const definition of parse(sdl).definitions) {
        if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
          for (const field of definition.fields ?? []) inputs.add(`${definition.name.value}.${field.name.value}`);
        }
        if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && !definition.name.value.startsWith('_')) {
          for (const field of definition.fields ?? []) {
            if (field.name.value.startsWith('_')) continue;
            for (const argument of field.arguments ?? []) inputs.add(`${definition.name.value}.${field.name.value}(${argument.name.value}:)`);
          }
        }
      }
    }
    expect([...inputs].filter((coordinate) => !INPUT_CATEGORIES[coordinate])).toEqual([]);
    expect(Object.keys(INPUT_CATEGORIES).filter((coordinate) => !inputs.has(coordinate))).toEqual([]);
  });

  it('refuses to build a subgraph schema with a filter or argument that has no category', () => {
    expect(() => withAccessDirectives(parse('type Query { children(shoeSize: Int): Int }'))).toThrow(/Query\.children\(shoeSize:\)/);
    expect(() => withAccessDirectives(parse('input ChildFilter { shoeSize: Int }'))).toThrow(/ChildFilter\.shoeSize/);
  });

  it('records why a field is classified as it is only for fields that exist', () => {
    expect(Object.keys(CLASSIFICATION_NOTES).filter((coordinate) => !FIELD_CATEGORIES[coordinate])).toEqual([]);
  });

  it('files every identifier, address, personal phone and free-text record by what it reveals', () => {
    expect(FIELD_CATEGORIES['Enrolment.studentNumber']).toBe('child:identity');
    expect(FIELD_CATEGORIES['Guardianship.guardianAddress']).toBe('child:identity');
    expect(FIELD_CATEGORIES['CareResponsiblePerson.teacherPhone']).toBe('staff:contact');
    expect(FIELD_CATEGORIES['Pairing.helperPhone']).toBe('staff:contact');
    expect(FIELD_CATEGORIES['Talk.summary']).toBe('edu:care-notes');
  });

  it('gives roles only scopes it defines, and partner NGOs nothing beyond masked data, programmes and the directory', () => {
    for (const role of Object.values(ROLES)) for (const scope of role.scopes) expect(Object.keys(DATA_CATEGORIES)).toContain(scope);
    expect([...ROLES['partner-ngo'].scopes].sort()).toEqual(['child:masked', 'directory:read', 'wf:programmes']);
  });

  it('is printed as the table in docs/access-control.md (run `npm run docs` if not)', async () => {
    expect(readFileSync(ACCESS_DOC_PATH, 'utf8')).toBe(await accessControlDoc());
  });
});

describe('loading the supergraph', () => {
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');

  it('carries the access directives, and a plain Apollo gateway, which enforces none, refuses it', async () => {
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    const plain = new ApolloGateway({ supergraphSdl, logger: createLogger('test', 'silent') });
    await expect(plain.load()).rejects.toThrow(/for: SECURITY but is unsupported/);
  });

  it('loads in the gateway that installs enforcement', async () => {
    const gateway = createEnforcingGateway(
      { supergraphSdl, logger: createLogger('test', 'silent') },
      { mode: 'filter', logger: createLogger('test', 'silent') },
    );
    const loaded = await gateway.load();
    expect(loaded.schema.getType('Child')).toBeDefined();
    await gateway.stop();
  });

  it('still refuses a security feature it does not enforce (policy)', async () => {
    const withPolicy = supergraphSdl.replace(
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)\n  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)',
    );
    const gateway = createEnforcingGateway(
      { supergraphSdl: withPolicy, logger: createLogger('test', 'silent') },
      { mode: 'filter', logger: createLogger('test', 'silent') },
    );
    await expect(gateway.load()).rejects.toThrow(/policy.*unsupported|unsupported/);
  });
});
