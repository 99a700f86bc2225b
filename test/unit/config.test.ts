import { loadGatewayConfig } from '../../gateway/config';
import { ConfigError } from '../../platform/env';
import { loadSubgraphConfig } from '../../subgraphs/shared/config';
import { loadNationalIdKeys } from '../../subgraphs/civil-affairs/config';

describe('configuration is validated at start, naming the bad variable', () => {
  const subgraphEnv = {
    EDUCATION_DATABASE_URL: 'postgres://u:p@localhost:5432/education',
    INTERNAL_TOKEN_KEY_FILE: '/keys/internal-token-education.key',
  };

  it('reads a good subgraph environment', () => {
    expect(loadSubgraphConfig('education', subgraphEnv)).toMatchObject({ port: 4002, databaseUrl: subgraphEnv.EDUCATION_DATABASE_URL, migrateOnStart: false });
  });

  it('names a bad database URL and a bad port', () => {
    expect(() => loadSubgraphConfig('education', { ...subgraphEnv, EDUCATION_DATABASE_URL: 'mysql://x' })).toThrow(/EDUCATION_DATABASE_URL/);
    expect(() => loadSubgraphConfig('education', { ...subgraphEnv, EDUCATION_PORT: '99999' })).toThrow(/EDUCATION_PORT/);
    expect(() => loadSubgraphConfig('education', { ...subgraphEnv, DB_MIGRATE_ON_START: 'maybe' })).toThrow(/DB_MIGRATE_ON_START/);
  });

  const internalKeys = {
    CIVIL_AFFAIRS_INTERNAL_TOKEN_KEY_FILE: '/k/civil-affairs.key',
    EDUCATION_INTERNAL_TOKEN_KEY_FILE: '/k/education.key',
    WOMENS_FEDERATION_INTERNAL_TOKEN_KEY_FILE: '/k/womens-federation.key',
  };

  it('names a missing issuer and a missing key for the gateway', () => {
    expect(() => loadGatewayConfig({ ...internalKeys, GATEWAY_JWT_PUBLIC_KEY_FILE: '/p.pem' })).toThrow(/GATEWAY_JWT_ISSUER/);
    expect(() => loadGatewayConfig({ ...internalKeys, GATEWAY_JWT_ISSUER: 'x' })).toThrow(/GATEWAY_JWT_PUBLIC_KEY_FILE/);
    const { EDUCATION_INTERNAL_TOKEN_KEY_FILE: _missing, ...withoutEducation } = internalKeys;
    expect(() => loadGatewayConfig({ ...withoutEducation, GATEWAY_JWT_ISSUER: 'x', GATEWAY_JWT_PUBLIC_KEY_FILE: '/p.pem' })).toThrow(
      /EDUCATION_INTERNAL_TOKEN_KEY_FILE/,
    );
    expect(loadGatewayConfig({ ...internalKeys, GATEWAY_JWT_ISSUER: 'x', GATEWAY_JWT_PUBLIC_KEY_FILE: '/p.pem' }).internalTokenKeyFiles).toEqual({
      'civil-affairs': '/k/civil-affairs.key',
      education: '/k/education.key',
      'womens-federation': '/k/womens-federation.key',
    });
    expect(() =>
      loadGatewayConfig({
        ...internalKeys,
        GATEWAY_JWT_ISSUER: 'x',
        GATEWAY_JWT_PUBLIC_KEY_FILE: '/p.pem',
        GATEWAY_JWT_ALGORITHMS: 'HS256',
      }),
    ).toThrow(/GATEWAY_JWT_ALGORITHMS/);
  });

  it('requires 32-byte national ID keys', () => {
    expect(() => loadNationalIdKeys({ NATIONAL_ID_ENCRYPTION_KEY: 'c2hvcnQ=', NATIONAL_ID_HMAC_KEY: Buffer.alloc(32).toString('base64') })).toThrow(
      ConfigError,
    );
  });
});
