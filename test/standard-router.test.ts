import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLField } from 'graphql';
import { demoPrincipals } from '../demo/principals';
import { ROLES, type RoleName } from '../schema/roles';
import { ensurePeersInstalled, startPeerGateway, type PeerGateway } from '../scripts/peer-gateways';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH } from '../scripts/compose-supergraph';
import { post, system, type GraphQLResponse } from './support/system';

/**
 * The supergraph carries only the standard directives (@authenticated, @requiresScopes), so a
 * standard Federation router enforces the same field rules as ours. Hive Gateway (installed in
 * peers/, never a product dependency), with JWT and its generic auth, runs on the committed
 * supergraph in front of our subgraphs; for every demo role and every field of a child and of the
 * root, it must withhold exactly what ours withholds. (Rows, purpose and the access log stay with
 * the subgraphs and our gateway: see README, "A standard router".)
 */
const principals = demoPrincipals(2026);

/** One probe per field: the field, with a leaf below it when it is an object. */
function probes(): { name: string; query: string }[] {
  const schema = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
  const selection = (field: GraphQLField<unknown, unknown>): string | null => {
    if (field.args.some((arg) => arg.type.toString().endsWith('!') && arg.defaultValue === undefined)) return null;
    const type = getNamedType(field.type);
    if (isLeafType(type)) return field.name;
    if (!isObjectType(type)) return null;
    const leaf = Object.values(type.getFields()).find((inner) => isLeafType(getNamedType(inner.type)) && !inner.args.length);
    const nested = Object.values(type.getFields()).find((inner) => isObjectType(getNamedType(inner.type)) && !inner.args.length);
    if (leaf) return `${field.name} { ${leaf.name} }`;
    return nested ? `${field.name} { ${selection(nested)} }` : null;
  };
  const child = schema.getType('Child');
  if (!isObjectType(child)) throw new Error('no Child type');
  const onChild = Object.values(child.getFields()).flatMap((field) => {
    const picked = selection(field);
    return picked ? [{ name: `Child.${field.name}`, query: `query ($id: ID!) { child(id: $id) { ${picked} } }` }] : [];
  });
  const onRoot = Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
    const picked = field.name === 'child' ? null : selection(field);
    return picked ? [{ name: `Query.${field.name}`, query: `{ ${picked} }` }] : [];
  });
  return [...onChild, ...onRoot];
}

const withheld = (response: GraphQLResponse) => (response.body.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');

describe('a standard router on the committed supergraph', () => {
  let hive: PeerGateway | undefined;
  let hiveUrl: string;
  let childId: string;

  beforeAll(async () => {
    // Installed on demand, from its own lock file, into its own folder.
    ensurePeersInstalled();
    hive = await startPeerGateway('hive-gateway.mjs', system, SUPERGRAPH_PATH, '/graphql');
    hiveUrl = hive.url;
    const page = await post(
      system.gatewayUrl,
      { query: '{ children(first: 1, filter: { regionPrefix: "341322" }) { edges { node { id } } } }' },
      {
        authorization: `Bearer ${system.tokens['civil-affairs-case-worker']}`,
        'x-purpose': 'case-management',
      },
    );
    childId = page.body.data.children.edges[0].node.id;
  }, 180_000);

  afterAll(async () => {
    await hive?.stop();
  });

  it('answers through our subgraphs (so the comparison below is real)', async () => {
    const headers = { authorization: `Bearer ${system.tokens['civil-affairs-case-worker']}`, 'x-purpose': 'case-management' };
    const answer = await post(hiveUrl, { query: 'query ($id: ID!) { child(id: $id) { id name enrolment { grade } } }', variables: { id: childId } }, headers);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.child).toMatchObject({ id: childId, name: expect.any(String) });
  });

  it.each(Object.keys(ROLES) as RoleName[])(
    'withholds exactly the fields ours withholds from %s',
    async (role) => {
      const headers = { authorization: `Bearer ${system.tokens[role]}`, 'x-purpose': principals[role].purposes[0]! };
      const differences: string[] = [];
      let deniedByBoth = 0;
      for (const probe of probes()) {
        const body = { query: probe.query, variables: { id: childId } };
        const [ours, theirs] = await Promise.all([post(system.gatewayUrl, body, headers), post(hiveUrl, body, headers)]);
        if (withheld(ours) !== withheld(theirs))
          differences.push(`${probe.name}: ours ${withheld(ours) ? 'withholds' : 'answers'}, Hive ${withheld(theirs) ? 'withholds' : 'answers'}`);
        if (withheld(ours) && withheld(theirs)) deniedByBoth += 1;
      }
      expect(differences).toEqual([]);
      // Every role but the widest is refused something, so the comparison is not vacuous.
      if (role !== 'civil-affairs-case-worker') expect(deniedByBoth).toBeGreaterThan(0);
    },
    120_000,
  );
});
