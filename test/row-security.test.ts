import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { subgraphInfo } from '../platform/subgraphs';
import type { RoleName } from '../schema/roles';
import { freePort } from '../scripts/free-port';
import {
  database,
  freshNationalId,
  gql,
  gqlData,
  signedPost,
  system,
  type Connection,
  type GraphQLResponse,
  waitFor,
  waitForRegistryFeed,
  PARENTS_AWAY,
} from './support/system';

const ROOT = resolve(__dirname, '..', '..');
const principals = demoPrincipals(2026);
const OTHER_COUNTY = '360731';
const asRole = (role: RoleName, query: string, variables: Record<string, unknown> = {}) =>
  gql(query, variables, system.tokens[role], principals[role].purposes[0]);
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);

/** A child as an administrator reads it, with something from each agency. */
interface KnownChild {
  id: string;
  name: string;
  nationalId: string;
  residenceRegionCode: string;
  householdRegionCode: string;
  enrolment: { grade: number; school: { id: string; regionCode: string } } | null;
  pairings: { helperName: string; programme: { regionCode: string } }[];
}

let otherChild: KnownChild;
let ownChild: KnownChild;
let otherSchoolId: string;

/**
 * A child wholly of one county (registered, living, at school and paired there) with data in all
 * three agencies, so an empty answer about it can only mean the rows were withheld.
 */
async function childWhollyOf(county: string): Promise<KnownChild> {
  const page = await gqlData<{ children: Connection<KnownChild> }>(
    `query ($p: String) { children(first: 100, filter: { regionPrefix: $p, status: ACTIVE }) { edges { node {
       id name nationalId residenceRegionCode householdRegionCode
       enrolment { grade school { id regionCode } } pairings { helperName programme { regionCode } } } } } }`,
    { p: county },
  );
  const child = page.children.edges
    .map((edge) => edge.node)
    .find(
      (node) =>
        node.residenceRegionCode === county &&
        node.householdRegionCode === county &&
        node.nationalId &&
        node.enrolment?.school.regionCode === county &&
        node.pairings.length > 0 &&
        node.pairings.every((pairing) => pairing.programme.regionCode === county),
    );
  if (!child) throw new Error(`the demo data has no child wholly of ${county} with data in every agency`);
  return child;
}

beforeAll(async () => {
  otherChild = await childWhollyOf(OTHER_COUNTY);
  ownChild = await childWhollyOf(DEMO_COUNTY);
  const schools = await gqlData<{ schools: Connection<{ id: string; regionCode: string }> }>(`{ schools(first: 100) { edges { node { id regionCode } } } }`);
  otherSchoolId = schools.schools.edges.map((edge) => edge.node).find((school) => school.regionCode === OTHER_COUNTY)!.id;
});

describe('jurisdiction: a county user gets nothing about another county’s child', () => {
  it('asking by id', async () => {
    const response = await asRole('civil-affairs-case-worker', `query ($id: ID!) { child(id: $id) { id name } }`, { id: otherChild.id });
    expect(response.body.data?.child ?? null).toBeNull();
    expect(codes(response)).toEqual(['NOT_FOUND']);
    // The same query reaches a child of the user's own county.
    const own = await asRole('civil-affairs-case-worker', `query ($id: ID!) { child(id: $id) { id name } }`, { id: ownChild.id });
    expect(own.body.data.child.id).toBe(ownChild.id);
  });

  it('asking by national ID', async () => {
    const response = await asRole('police-liaison', `query ($n: String!) { childByNationalId(nationalId: $n) { id name } }`, { n: otherChild.nationalId });
    expect(response.body.data?.childByNationalId ?? null).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain(otherChild.id);
    // The same query finds a child of the user's own county.
    const own = await asRole('police-liaison', `query ($n: String!) { childByNationalId(nationalId: $n) { id name } }`, { n: ownChild.nationalId });
    expect(own.body).toEqual({ data: { childByNationalId: { id: ownChild.id, name: ownChild.name } } });
  });

  it('asking by list filter, or with no filter at all', async () => {
    const filtered = await asRole(
      'county-education-officer',
      `query ($p: String) { children(first: 100, filter: { regionPrefix: $p }) { edges { node { id } } } }`,
      { p: '36' },
    );
    expect(filtered.body.data.children.edges).toEqual([]);
    const all = await asRole('county-education-officer', `{ children(first: 100) { edges { node { id residenceRegionCode householdRegionCode } } } }`);
    expect(all.body.data.children.edges.length).toBeGreaterThan(0);
    for (const { node } of all.body.data.children.edges) expect([node.residenceRegionCode, node.householdRegionCode]).toContain(DEMO_COUNTY);
  });

  it('through an entity path: another county’s school lists none of its enrolments', async () => {
    const response = await asRole(
      'county-education-officer',
      `query ($id: ID!) { school(id: $id) { name enrolments(first: 50) { edges { node { grade child { id name } } } } } }`,
      { id: otherSchoolId },
    );
    // The school is in the public directory; its pupils are not.
    expect(response.body.data.school.name).toBeTruthy();
    expect(response.body.data.school.enrolments.edges).toEqual([]);
    // A school of the user's own county lists its pupils through the same path.
    const own = await asRole(
      'county-education-officer',
      `query ($id: ID!) { school(id: $id) { enrolments(first: 100) { edges { node { child { id } } } } } }`,
      { id: ownChild.enrolment!.school.id },
    );
    expect(own.body.data.school.enrolments.edges).toContainEqual({ node: { child: { id: ownChild.id } } });
  });

  it('through a direct _entities call signed for a county user', async () => {
    // What each agency holds of a child, and what it must answer for one outside the county:
    // civil affairs does not find the child; the others find no enrolment and no pairing.
    const agencies = {
      'civil-affairs': {
        selection: 'name nationalId',
        held: (child: KnownChild) => ({ name: child.name, nationalId: child.nationalId }),
        outside: null,
      },
      education: {
        selection: 'enrolment { grade }',
        held: (child: KnownChild) => ({ enrolment: { grade: child.enrolment!.grade } }),
        outside: { enrolment: null },
      },
      'womens-federation': {
        selection: 'pairings { helperName }',
        held: (child: KnownChild) => ({ pairings: child.pairings.map(({ helperName }) => ({ helperName })) }),
        outside: { pairings: [] },
      },
    } as const;
    for (const [name, agency] of Object.entries(agencies) as [keyof typeof agencies, (typeof agencies)[keyof typeof agencies]][]) {
      const entities = async (childId: string) => {
        const response = await signedPost(name, principals['civil-affairs-case-worker'], 'case-management', {
          query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { ${agency.selection} } } }`,
          variables: { r: [{ __typename: 'Child', id: childId }] },
        });
        return { name, status: response.status, body: response.body };
      };
      // The same call reaches the data of a child of the user's own county...
      expect(await entities(ownChild.id)).toEqual({ name, status: 200, body: { data: { _entities: [agency.held(ownChild)] } } });
      // ...and nothing of another county's child, though each agency holds something of it.
      expect(await entities(otherChild.id)).toEqual({ name, status: 200, body: { data: { _entities: [agency.outside] } } });
    }
  });

  it('cannot write a record outside its jurisdiction', async () => {
    const identity = freshNationalId();
    const response = await asRole('civil-affairs-case-worker', `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '外县儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: OTHER_COUNTY,
        residenceRegionCode: OTHER_COUNTY,
      },
    });
    expect(codes(response)).toEqual(['OUTSIDE_JURISDICTION']);
    expect(JSON.stringify(response.body)).not.toMatch(/policy|SQL|INSERT/i);
  });
});

describe('the database itself', () => {
  it('runs the services as a role that owns nothing and cannot bypass row-level security', async () => {
    const app = await database('civil-affairs', 'app');
    try {
      const [role] = (await app.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).rows;
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
      // Without a request's row scope the role sees no child at all.
      expect((await app.query(`SELECT count(*)::int AS n FROM child`)).rows[0].n).toBe(0);
      await expect(app.query(`ALTER TABLE child DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/owner/);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.jurisdiction', $1, true)`, [DEMO_COUNTY]);
      const regions = (await app.query(`SELECT DISTINCT residence_region_code AS r, household_region_code AS h FROM child`)).rows;
      await app.query('COMMIT');
      expect(regions.length).toBeGreaterThan(0);
      for (const row of regions) expect([row.r, row.h]).toContain(DEMO_COUNTY);
    } finally {
      await app.end();
    }
  });

  it('a service refuses to start connected as a role row-level security does not bind (its database’s owner)', async () => {
    const { envPrefix } = subgraphInfo('education');
    const ownerUrl = system.databaseUrls.owner.education;
    const port = await freePort();
    // Everything as scripts/system.ts starts the service, but the application role's URL is the owner's.
    const started = promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'subgraphs', 'education', 'main.js')], {
      cwd: ROOT,
      timeout: 60_000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        [`${envPrefix}_PORT`]: String(port),
        [`${envPrefix}_DATABASE_URL`]: ownerUrl,
        [`${envPrefix}_OWNER_DATABASE_URL`]: ownerUrl,
        INTERNAL_TOKEN_KEY_FILE: system.keys.internalTokenKeyFiles.education,
        DB_MIGRATE_ON_START: 'true',
        DEMO_DATA: 'true',
        DEMO_CHILDREN: '150',
        DEMO_SEED: '2026',
      },
    });
    await expect(started).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`The database role ${new URL(ownerUrl).username} is not bound by row-level security`),
    });
    // It never served.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('binds every table of every database', async () => {
    for (const name of ['civil-affairs', 'education', 'womens-federation'] as const) {
      const owner = await database(name);
      try {
        const tables: { relname: string; relrowsecurity: boolean }[] = (
          await owner.query(
            `SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`,
          )
        ).rows;
        const unprotected = tables.filter((table) => !table.relrowsecurity).map((table) => table.relname);
        // The query sees the database's tables (access_log and idempotency_key at least), and none is unbound.
        expect({ name, tables: tables.length > 2, unprotected }).toEqual({ name, tables: true, unprotected: [] });
      } finally {
        await owner.end();
      }
    }
  });
});

describe('a partner NGO sees its consented, paired children and no others', () => {
  const partnerId = principals['partner-ngo'].partner!;
  let programmeId: string;

  /** A new child of the demo county, paired with the demo partner's programme. */
  async function pairedChild(): Promise<string> {
    const identity = freshNationalId();
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '结对儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    const childId = registered.registerChild.child.id;
    await waitForRegistryFeed(childId);
    await gqlData(`mutation ($input: PairChildInput!) { pairChild(input: $input) { id } }`, {
      input: { childId, programmeId, helperName: '志愿者甲', helperRole: 'VOLUNTEER' },
    });
    return childId;
  }

  async function consent(childId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const nextYear = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
    const recorded = await gqlData(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id active } }`, {
      input: {
        childId,
        partnerId,
        regionCode: DEMO_COUNTY,
        guardianName: '王奶奶',
        guardianRelationship: '祖母',
        categories: ['CHILD_MASKED', 'WF_PROGRAMMES'],
        purpose: 'care-programmes',
        expiresOn: nextYear,
        ...overrides,
      },
    });
    return recorded.recordConsent.id;
  }

  /** What the partner NGO gets for the child: the record, or null when no row is open to it (and nothing else went wrong). */
  const ngoSees = async (childId: string) => {
    const response = await asRole('partner-ngo', `query ($id: ID!) { child(id: $id) { id maskedName pairings { helperName } } }`, { id: childId });
    const child = response.body.data?.child ?? null;
    expect(codes(response)).toEqual(child ? [] : ['NOT_FOUND']);
    return child;
  };

  beforeAll(async () => {
    const partner = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id kind } } }`, { id: partnerId });
    programmeId = partner.partner.programmes[0].id;
  });

  /** Civil affairs learns of a grant through the women's federation's feed, normally within a second. */
  const ngoSeesSoon = (childId: string) => waitFor(() => ngoSees(childId));

  it('with an active consent: the masked record and the pairings, nothing more', async () => {
    const childId = await pairedChild();
    await consent(childId);
    const seen = await ngoSeesSoon(childId);
    expect(seen.maskedName).toBe('结**童');
    expect(seen.pairings).toEqual([{ helperName: '志愿者甲' }]);
  });

  it('without consent, nothing, though the child is paired with it', async () => {
    expect(await ngoSees(await pairedChild())).toBeNull();
  });

  it('a consent to masked data only opens no pairings', async () => {
    const childId = await pairedChild();
    await consent(childId, { categories: ['CHILD_MASKED'] });
    const seen = await ngoSeesSoon(childId);
    expect(seen.maskedName).toBeTruthy();
    expect(seen.pairings).toEqual([]);
  });

  it('nothing after the consent is revoked: the pairings at once, the registry within the feed’s lag (bound: 5 s)', async () => {
    const childId = await pairedChild();
    const consentId = await consent(childId);
    await ngoSeesSoon(childId);
    const revoked = await asRole('womens-federation-officer', `mutation ($id: ID!) { revokeConsent(id: $id) { active revokedAt } }`, { id: consentId });
    expect(revoked.body.data.revokeConsent.active).toBe(false);
    // The women's federation checks its own consents: the very next request sees no pairing.
    const next = await asRole('partner-ngo', `query ($id: ID!) { child(id: $id) { pairings { helperName } } }`, { id: childId });
    expect(next.body.data?.child?.pairings ?? []).toEqual([]);
    const started = Date.now();
    await waitFor(async () => (await ngoSees(childId)) === null, 5000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a consent without a pairing opens nothing', async () => {
    const identity = freshNationalId();
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '未结对',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    const childId = registered.registerChild.child.id;
    await waitForRegistryFeed(childId);
    await consent(childId);
    // A control child, paired and consented at the same time, shows the feed has caught up.
    const control = await pairedChild();
    await consent(control);
    await ngoSeesSoon(control);
    expect(await ngoSees(childId)).toBeNull();
  });

  it('nothing once the consent has expired', async () => {
    const childId = await pairedChild();
    await consent(childId, { givenOn: '2025-01-01', expiresOn: '2025-06-30' });
    expect(await ngoSees(childId)).toBeNull();
  });

  it('never lists children, nor reads consents or anyone’s identity', async () => {
    const response = await asRole('partner-ngo', `{ children(first: 10) { edges { node { id } } } consents(first: 10) { edges { node { guardianName } } } }`);
    expect(response.body.data).toBeNull();
    expect(codes(response)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('a consent cannot open identity, family or other categories', async () => {
    const childId = await pairedChild();
    const response = await gql(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: {
        childId,
        partnerId,
        regionCode: DEMO_COUNTY,
        guardianName: '王奶奶',
        guardianRelationship: '祖母',
        categories: ['CHILD_IDENTITY'],
        purpose: 'care-programmes',
        expiresOn: '2027-01-01',
      },
    });
    // Not a category a consent can name at all: the variables are refused before anything runs.
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('purpose', () => {
  it('is required to read a named child', async () => {
    const response = await gql(`query ($id: ID!) { child(id: $id) { id } }`, { id: ownChild.id }, undefined, null);
    expect(response.body.data ?? null).toBeNull();
    expect(codes(response)).toEqual(['PURPOSE_REQUIRED']);
  });

  it('is not needed for the public directory', async () => {
    const response = await gql(`{ schools(first: 1) { edges { node { name } } } }`, {}, undefined, null);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.schools.edges).toHaveLength(1);
  });
});
