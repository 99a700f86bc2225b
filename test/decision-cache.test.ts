import type { Principal } from '../platform/principal';
import { codes, principals } from './support/children';
import { ADMIN, gql, tokenFor } from './support/system';

/**
 * Issue 14: the gateway keeps each operation's field authorization analysis for the next request
 * with the same document, scopes and variables (gateway/authorization/decision-cache.ts). Through
 * the real gateway: callers with other scopes, asking the very same text at the same moment, each
 * get their own decision; the purpose rule still runs per request; and no token that does not
 * verify reaches a kept decision at all.
 */
const PAGE = `query DecisionPage { children(first: 3) { edges { node { id nationalId } } } }`;
type Page = { children: { edges: { node: { id: string; nationalId: string | null } }[] } | null };

const narrow: Principal = { ...principals['civil-affairs-case-worker'], sub: 'test:decision-cache-narrow' };
narrow.scopes = narrow.scopes.filter((scope) => scope !== 'child:identity');

async function ask(token: string, purpose: string | null = 'case-management') {
  const response = await gql(PAGE, {}, token, purpose);
  return { response, page: response.body.data as Page | null };
}

describe('kept authorization decisions', () => {
  it('gives a wide and a narrow token, asking the same page again and again at once, each its own decision', async () => {
    expect(ADMIN.scopes).toContain('child:identity');
    const [wideToken, narrowToken] = await Promise.all([tokenFor(ADMIN), tokenFor(narrow)]);
    const wideAlone = (await ask(wideToken)).page;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => ask(index % 2 ? narrowToken : wideToken)));
    answers.forEach(({ response, page }, index) => {
      expect(page?.children?.edges.length).toBeGreaterThan(0);
      if (index % 2) {
        expect(codes(response)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
        for (const edge of page!.children!.edges) expect(edge.node.nationalId).toBeNull();
      } else {
        // The wide token's decision: nothing removed, the page exactly as it was asked alone.
        expect(response.body.errors).toBeUndefined();
        expect(page).toEqual(wideAlone);
      }
    });
  });

  it('still refuses the same page without a purpose, after it was allowed with one', async () => {
    const token = await tokenFor(ADMIN);
    expect((await ask(token)).response.body.errors).toBeUndefined();
    const without = await ask(token, null);
    expect(codes(without.response)).toEqual(['PURPOSE_REQUIRED']);
    expect(without.page).toBeFalsy();
  });

  it('answers 401 to an edited, expired or narrow-turned-wide token, whatever was allowed before', async () => {
    const wideToken = await tokenFor(ADMIN);
    expect((await ask(wideToken)).response.body.errors).toBeUndefined();
    // The narrow token's claims edited to the wide scopes: the signature no longer holds.
    const [header, , signature] = (await tokenFor(narrow)).split('.');
    const claims = JSON.parse(Buffer.from(wideToken.split('.')[1]!, 'base64url').toString());
    const edited = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: narrow.sub })).toString('base64url')}.${signature}`;
    const expired = await tokenFor(ADMIN, '-1m');
    for (const token of [edited, expired]) {
      const { response, page } = await ask(token);
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(page).toBeFalsy();
    }
  });
});
