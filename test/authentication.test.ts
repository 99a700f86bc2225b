import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeJwt, importPKCS8, SignJWT, type KeyLike } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../demo/tokens';
import { bodyDigest, InternalTokenSigner, readInternalKey } from '../platform/internal-token';
import { ADMIN, database, gql, post, system, tokenFor } from './support/system';

const QUERY = { query: '{ children(first: 1) { edges { node { id name } } } }' };

const otherKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey as unknown as KeyLike;
const idpKey = () => importPKCS8(readFileSync(system.keys.idpPrivateKeyFile, 'utf8'), 'ES256');

function userToken(key: KeyLike, options: { issuer?: string; audience?: string; expiresAt?: number; claims?: Record<string, unknown> } = {}) {
  return new SignJWT({ org: ADMIN.org, scope: ADMIN.scopes.join(' '), jurisdiction: ADMIN.jurisdiction, ...options.claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setSubject('test-user')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
    .sign(key);
}

function expectRejected(response: Awaited<ReturnType<typeof post>>) {
  expect(response.status).toBe(401);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
}

const atGateway = (token?: string) =>
  post(system.gatewayUrl, QUERY, token ? { authorization: `Bearer ${token}`, 'x-purpose': 'case-management' } : { 'x-purpose': 'case-management' });

describe('the gateway authenticates every request', () => {
  it('answers a valid token', async () => {
    const response = await atGateway(await tokenFor(ADMIN));
    expect(response.status).toBe(200);
    expect(response.body.data.children.edges).toHaveLength(1);
  });

  it('rejects a request without a token', async () => expectRejected(await atGateway()));

  it('rejects an expired token', async () => {
    expectRejected(await atGateway(await userToken(await idpKey(), { expiresAt: Math.floor(Date.now() / 1000) - 60 })));
  });

  it('refuses a token once it has expired, though it was accepted (and remembered) before', async () => {
    const shortLived = await userToken(await idpKey(), { expiresAt: Math.floor(Date.now() / 1000) + 2, claims: { purposes: ADMIN.purposes } });
    expect((await atGateway(shortLived)).status).toBe(200);
    expect((await atGateway(shortLived)).status).toBe(200);
    await new Promise((done) => setTimeout(done, 3000));
    expectRejected(await atGateway(shortLived));
  });

  it('remembers a token by its exact text: a remembered token with its claims edited is verified afresh, and refused', async () => {
    const token = await userToken(await idpKey(), { claims: { scope: 'child:masked', purposes: ADMIN.purposes } });
    expect((await atGateway(token)).status).toBe(200);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, scope: ADMIN.scopes.join(' '), jurisdiction: ADMIN.jurisdiction })).toString('base64url');
    expectRejected(await atGateway(`${header}.${widened}.${signature}`));
  });

  it('rejects a token signed by another key', async () => expectRejected(await atGateway(await userToken(otherKey()))));

  it('rejects a wrong issuer or audience', async () => {
    expectRejected(await atGateway(await userToken(await idpKey(), { issuer: 'https://evil.example' })));
    expectRejected(await atGateway(await userToken(await idpKey(), { audience: 'another-api' })));
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', org: 'x', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now + 600, scope: 'child:basic' })}.`;
    expectRejected(await atGateway(unsigned));
  });

  it('rejects an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(readFileSync(system.keys.idpPublicKeyFile, 'utf8'));
    const forged = await new SignJWT({ org: 'x', scope: 'child:basic' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(secret);
    expectRejected(await atGateway(forged));
  });

  it('rejects a token whose claims are malformed', async () => {
    expectRejected(await atGateway(await userToken(await idpKey(), { claims: { jurisdiction: 'not-a-list' } })));
  });

  it('refuses a purpose the token does not grant', async () => {
    const response = await post(system.gatewayUrl, QUERY, { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': 'marketing' });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN_PURPOSE');
    const allowed = await post(system.gatewayUrl, QUERY, { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': ADMIN.purposes[0] });
    expect(allowed.status).toBe(200);
  });
});

describe('subgraphs answer only the gateway', () => {
  const subgraphQuery = JSON.stringify({ query: '{ children(first: 1) { edges { node { id name } } } }' });
  const atCivilAffairs = (token?: string, body = subgraphQuery) =>
    post(system.subgraphUrls['civil-affairs'], body, token ? { authorization: `Bearer ${token}` } : {});
  const call = { principal: ADMIN, requestId: randomUUID(), purpose: null };
  /** An internal token as the gateway would shape it, signed with the key and algorithm given. */
  const internalToken = (
    key: KeyLike | Uint8Array,
    options: { alg?: string; audience?: string | string[]; payload?: Record<string, unknown>; issuedAt?: number } = {},
  ) =>
    new SignJWT({ principal: ADMIN, purpose: null, rid: randomUUID(), bdy: bodyDigest(subgraphQuery), ...options.payload })
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .setIssuer('child-registry-gateway')
      .setAudience(options.audience ?? 'civil-affairs')
      .setSubject(ADMIN.sub)
      .setJti(randomUUID())
      .setIssuedAt(options.issuedAt)
      .setExpirationTime((options.issuedAt ?? Math.floor(Date.now() / 1000)) + 60)
      .sign(key);
  const subgraphKey = (name: keyof typeof system.keys.internalTokenKeyFiles) => readInternalKey(system.keys.internalTokenKeyFiles[name]) as unknown as KeyLike;

  it('rejects a direct call without the internal token', async () => expectRejected(await atCivilAffairs()));

  it('rejects the user’s own token passed straight to a subgraph', async () => {
    expectRejected(await atCivilAffairs(await tokenFor(ADMIN)));
  });

  it('rejects an internal token forged with another key', async () => {
    expectRejected(await atCivilAffairs(await internalToken(randomBytes(32))));
    // The gateway's old kind of token (ES256), from a key of the attacker's own.
    expectRejected(await atCivilAffairs(await internalToken(otherKey(), { alg: 'ES256' })));
  });

  it('rejects a token signed with another subgraph’s key: one subgraph cannot call another', async () => {
    // Education holds its own key; whatever it signs, civil affairs refuses, even addressed to civil affairs.
    expectRejected(await atCivilAffairs(await internalToken(subgraphKey('education'))));
    expectRejected(await atCivilAffairs(await internalToken(subgraphKey('womens-federation'))));
  });

  it('rejects an unsigned internal token (alg: none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      principal: ADMIN,
      rid: randomUUID(),
      iss: 'child-registry-gateway',
      aud: 'civil-affairs',
      sub: ADMIN.sub,
      jti: randomUUID(),
      iat: now,
      exp: now + 60,
    };
    expectRejected(await atCivilAffairs(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`));
  });

  it('rejects an internal token addressed to another subgraph', async () => {
    const signer = InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
    expectRejected(await atCivilAffairs(await signer.sign(call, 'education', subgraphQuery)));
  });

  it('rejects an expired internal token', async () => {
    expectRejected(await atCivilAffairs(await internalToken(subgraphKey('civil-affairs'), { issuedAt: Math.floor(Date.now() / 1000) - 600 })));
  });

  it('rejects a direct _entities call without the internal token', async () => {
    const response = await post(system.subgraphUrls.education, {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { enrolment { grade } } } }`,
      variables: { r: [{ __typename: 'Child', id: randomUUID() }] },
    });
    expectRejected(response);
  });

  it('accepts a token the gateway key signed for it (so the rejections above are real)', async () => {
    const signer = InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
    const response = await atCivilAffairs(await signer.sign(call, 'civil-affairs', subgraphQuery));
    expect(response.status).toBe(200);
    expect(response.body.data.children.edges).toHaveLength(1);
  });

  it('refuses a token used a second time: each is good for one call, whichever replica it reaches', async () => {
    const signer = InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
    const token = await signer.sign(call, 'civil-affairs', subgraphQuery);
    expect((await atCivilAffairs(token)).status).toBe(200);
    // The replay: the same token, as someone who captured it on the wire would send it.
    expectRejected(await atCivilAffairs(token));
    // The claim is in the subgraph's database, which every replica shares, not in one process's memory.
    const tokenId = decodeJwt(token).jti;
    const owner = await database('civil-affairs');
    try {
      expect((await owner.query('SELECT 1 FROM internal_call WHERE jti = $1', [tokenId])).rowCount).toBe(1);
    } finally {
      await owner.end();
    }
  });

  it('refuses a token sent with another body than the one it was signed for: held back, it cannot carry another query', async () => {
    const signer = InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
    const token = await signer.sign(call, 'civil-affairs', subgraphQuery);
    const other = JSON.stringify({ query: '{ children(first: 5) { edges { node { id name nationalId } } } }' });
    expectRejected(await atCivilAffairs(token, other));
    // The same bytes with a space more are another body too.
    expectRejected(await atCivilAffairs(await signer.sign(call, 'civil-affairs', subgraphQuery), `${subgraphQuery} `));
    // Claimed before its body was read: a token tried with another body is spent (fails closed).
    expectRejected(await atCivilAffairs(token));
    // A token bound to no body, and a signed call without a body (GET), are refused as well.
    expectRejected(await atCivilAffairs(await internalToken(subgraphKey('civil-affairs'), { payload: { bdy: undefined } })));
    const get = await fetch(`${system.subgraphUrls['civil-affairs']}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: `Bearer ${await signer.sign(call, 'civil-affairs', '')}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(401);
  });

  it('refuses a token addressed to several audiences, or without the gateway’s request id', async () => {
    const key = subgraphKey('civil-affairs');
    expectRejected(await atCivilAffairs(await internalToken(key, { audience: ['civil-affairs', 'education'] })));
    expectRejected(await atCivilAffairs(await internalToken(key, { payload: { rid: undefined } })));
    expect((await atCivilAffairs(await internalToken(key))).status).toBe(200);
  });

  it('keeps answering through the gateway after all that', async () => {
    const response = await gql('{ children(first: 1) { edges { node { id } } } }');
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.children.edges).toHaveLength(1);
  });
});
