import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { Kind, parse } from 'graphql';
import { createEnforcingGateway } from '../gateway/authorization/enforcing-gateway';
import { createLogger } from '../platform/logger';
import { ROLES } from '../schema/roles';
import { DATA_CATEGORIES, FIELD_CATEGORIES } from '../schema/scope-catalogue';
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

  it('gives roles only scopes it defines, and partner NGOs nothing beyond masked data, programmes, the directory and recording their own programme work', () => {
    for (const role of Object.values(ROLES)) for (const scope of role.scopes) expect(Object.keys(DATA_CATEGORIES)).toContain(scope);
    expect([...ROLES['partner-ngo'].scopes].sort()).toEqual(['child:masked', 'directory:read', 'wf:programmes', 'wf:records:write']);
    // The most sensitive education data goes to the school counsellor alone.
    expect(
      Object.entries(ROLES)
        .filter(([, role]) => (role.scopes as readonly string[]).includes('edu:wellbeing'))
        .map(([name]) => name),
    ).toEqual(['school-counsellor']);
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
