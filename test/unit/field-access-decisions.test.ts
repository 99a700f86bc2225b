import 'reflect-metadata';
import { buildSchema, execute, parse, type ExecutionResult } from 'graphql';
import type { Principal } from '../../platform/principal';
import { AccessRecorder } from '../../subgraphs/shared/audit/access-recorder';
import { enforceFieldAccess } from '../../subgraphs/shared/field-access';

// The subgraph's field checks keep their decisions per request (issue 14). Attacks: a narrower
// principal never gets what a wider one was allowed, however their requests interleave over one
// parsed document; other variables under the same document are judged anew; a refusal is refused
// on every row, not remembered as anything.
const ROWS = ['c1', 'c2', 'c3'].map((id) => ({ id, name: `name of ${id}`, nationalId: `id of ${id}` }));
const sdl = buildSchema(`
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  directive @authenticated on FIELD_DEFINITION | OBJECT
  type Query { children(filter: ChildFilter, first: Int): [Child!]! @authenticated }
  type Child {
    id: ID! @authenticated
    name: String @requiresScopes(scopes: [["child:basic"]])
    nationalId: String @requiresScopes(scopes: [["child:identity"]])
  }
  input ChildFilter { regionPrefix: String, guardianshipForm: String }
`);
sdl.getQueryType()!.getFields().children!.resolve = async () => {
  // Yield, so concurrent requests interleave inside execution.
  await new Promise((done) => setImmediate(done));
  return ROWS;
};
const schema = enforceFieldAccess(sdl);
// One parsed document for every request, as Apollo's document store hands out.
const PAGE = parse(`query ($filter: ChildFilter) { children(filter: $filter, first: 3) { id name nationalId } }`);

const principal = (scopes: string[]): Principal => ({ sub: `test:${scopes.join('+')}`, scopes }) as unknown as Principal;
const WIDE = ['child:basic', 'child:family', 'child:identity'];
const NARROW = ['child:basic'];

async function run(scopes: string[], filter: Record<string, unknown> | null, audit = new AccessRecorder()) {
  const result = (await execute({
    schema,
    document: PAGE,
    variableValues: { filter },
    contextValue: { principal: principal(scopes), audit },
  })) as ExecutionResult<{
    children: { id: string; name: string | null; nationalId: string | null }[] | null;
  }>;
  return { result, audit };
}
const refusedPaths = (result: ExecutionResult) => (result.errors ?? []).map((error) => error.path?.join('.'));

describe("the subgraph's per-request field decisions", () => {
  it('never let a narrower principal through what a wider one was allowed, however their requests interleave', async () => {
    const filter = { guardianshipForm: 'KINSHIP' };
    const runs = await Promise.all(Array.from({ length: 20 }, (_, index) => run(index % 2 ? NARROW : WIDE, filter)));
    runs.forEach(({ result }, index) => {
      if (index % 2) {
        // child:family is needed to filter by guardianship: the whole list is refused.
        expect(result.data?.children ?? null).toBeNull();
        expect(refusedPaths(result)).toEqual(['children']);
      } else {
        expect(result.errors).toBeUndefined();
        expect(result.data!.children!.map((child) => child.nationalId)).toEqual(ROWS.map((row) => row.nationalId));
      }
    });
  });

  it('refuses a field on every row, to every narrower request, after a wider one read it', async () => {
    const [wide, narrow] = await Promise.all([run(WIDE, null), run(NARROW, null)]);
    expect(wide.result.data!.children!.map((child) => child.nationalId)).toEqual(ROWS.map((row) => row.nationalId));
    expect(narrow.result.data!.children!.map((child) => child.nationalId)).toEqual([null, null, null]);
    expect(refusedPaths(narrow.result)).toEqual(['children.0.nationalId', 'children.1.nationalId', 'children.2.nationalId']);
    expect(narrow.result.data!.children!.map((child) => child.name)).toEqual(ROWS.map((row) => row.name));
  });

  it('judges other variables under the same document anew', async () => {
    const allowed = await run(NARROW, { regionPrefix: '3413' });
    expect(refusedPaths(allowed.result)).toEqual(['children.0.nationalId', 'children.1.nationalId', 'children.2.nationalId']);
    const refused = await run(NARROW, { guardianshipForm: 'KINSHIP' });
    expect(refusedPaths(refused.result)).toEqual(['children']);
  });

  it('judges a second operation sharing the context (as a batch would) under its own variables', async () => {
    // Apollo Server gives a batch's operations one context; the nodes are the same parsed ones.
    const contextValue = { principal: principal(NARROW), audit: new AccessRecorder() };
    const once = (filter: Record<string, unknown> | null) => execute({ schema, document: PAGE, variableValues: { filter }, contextValue });
    expect(refusedPaths(await once({ regionPrefix: '3413' }))).toEqual(['children.0.nationalId', 'children.1.nationalId', 'children.2.nationalId']);
    expect(refusedPaths(await once({ guardianshipForm: 'KINSHIP' }))).toEqual(['children']);
  });

  it("logs every row a filter matched, under the filter's category, for each request", async () => {
    const [first, second] = await Promise.all([run(WIDE, { guardianshipForm: 'KINSHIP' }), run(WIDE, { regionPrefix: '3413' })]);
    const call = { requestId: 'r', principal: { sub: 's', org: 'o' }, purpose: 'case-management' } as never;
    const logged = (audit: AccessRecorder) =>
      JSON.parse(/'(\[.*\])'::jsonb/.exec(audit.appendStatement(call)!)![1]!) as { childId: string; categories: string[] }[];
    expect(logged(first.audit).map((entry) => [entry.childId, entry.categories.includes('child:family')])).toEqual([
      ['c1', true],
      ['c2', true],
      ['c3', true],
    ]);
    expect(logged(second.audit).every((entry) => !entry.categories.includes('child:family'))).toBe(true);
  });
});
