import { buildSchema, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { refuseUnrunnableRequests } from '../../platform/input-checks';

// The walk of a document's literals for a NUL is kept per parsed document (issue 14). Attacks: a
// document with a NUL is refused every time, not only the first; a clean document's verdict never
// covers another document of nearly the same text; variables are still checked on every request.
const schema = buildSchema(`type Query { child(id: ID!, note: String): String }`);

async function check(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<string | null> {
  const hooks = (await refuseUnrunnableRequests().requestDidStart!({} as never))!;
  const operation = document.definitions[0] as OperationDefinitionNode;
  try {
    await hooks.didResolveOperation!({ operation, document, request: { variables }, schema } as never);
    return null;
  } catch (err) {
    return (err as { extensions?: { field?: string } }).extensions?.field ?? 'refused';
  }
}

describe('the NUL check, kept per document', () => {
  it('refuses a document with a NUL in a literal on every request', async () => {
    const bad = parse(`query { child(id: "1", note: "a\\u0000b") }`);
    for (let round = 0; round < 3; round++) expect(await check(bad)).toBe('note');
  });

  it("never lets a clean document's verdict cover another document", async () => {
    const clean = parse(`query { child(id: "1", note: "ab") }`);
    expect(await check(clean)).toBeNull();
    expect(await check(clean)).toBeNull();
    expect(await check(parse(`query { child(id: "1", note: "a\\u0000b") }`))).toBe('note');
  });

  it('still checks the variables of every request under a kept document', async () => {
    const document = parse(`query ($note: String) { child(id: "1", note: $note) }`);
    expect(await check(document, { note: 'fine' })).toBeNull();
    expect(await check(document, { note: 'not\u0000fine' })).toBe('note');
    expect(await check(document, { note: 'fine again' })).toBeNull();
  });
});
