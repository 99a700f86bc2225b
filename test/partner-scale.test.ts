import type { Client } from 'pg';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { database, gql, gqlData, post, system, waitFor } from './support/system';

/**
 * Issue 10, fault 4: a partner NGO with thousands of consents is not locked out. Its grants reach
 * every agency through the partner-grant feed, and nothing about them travels with its requests;
 * a revocation among 5,000 still closes the child within the bound the README states (5 s).
 */

const CHILDREN = 5000;
/** Outside every demo county, so no other test's pages meet these children. */
const REGION = '110101';
const partner = demoPrincipals(2026)['partner-ngo'];
const asPartner = { authorization: `Bearer ${system.tokens['partner-ngo']}`, 'x-purpose': 'care-programmes' };

describe('a partner NGO with 5,000 consented, paired children', () => {
  let civil: Client;
  let womens: Client;
  let childIds: string[];
  let consentIds: string[];

  beforeAll(async () => {
    const { partner: programmes } = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: partner.partner });
    civil = await database('civil-affairs');
    womens = await database('womens-federation');
    // Seeded in bulk as the databases' owners: the registry's children, then the federation's pairings and consents.
    childIds = (
      await civil.query(
        `INSERT INTO child (id, name, gender, birth_date, household_region_code, residence_region_code, created_by)
         SELECT gen_random_uuid(), '批量' || g, CASE WHEN g % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, date '2014-01-01' + g % 1500, $1, $1, 'test:bulk'
           FROM generate_series(1, $2) g RETURNING id`,
        [REGION, CHILDREN],
      )
    ).rows.map((row) => row.id);
    await womens.query(
      `INSERT INTO pairing (id, child_id, programme_id, helper_name, helper_role, since, contact_frequency, created_by)
       SELECT gen_random_uuid(), child_id, $2, '批量志愿者', 'VOLUNTEER', current_date - 30, 'MONTHLY', 'test:bulk' FROM unnest($1::uuid[]) child_id`,
      [childIds, programmes.programmes[0].id],
    );
    consentIds = (
      await womens.query(
        `INSERT INTO consent (id, child_id, partner_id, region_code, guardian_name, guardian_relationship, categories, purpose, given_on, expires_on, recorded_by)
         SELECT gen_random_uuid(), child_id, $2, $3, '批量监护人', '祖父', ARRAY['child:masked', 'wf:programmes'], 'care-programmes',
                current_date - 30, current_date + 300, 'test:bulk'
           FROM unnest($1::uuid[]) WITH ORDINALITY AS c(child_id, n) ORDER BY n RETURNING id`,
        [childIds, partner.partner, DEMO_COUNTY],
      )
    ).rows.map((row) => row.id);
    // The grants reach civil affairs and education through the partner-grant feed.
    for (const subscriber of [civil, await database('education')]) {
      await waitFor(
        async () =>
          (
            await subscriber.query(`SELECT count(*)::int AS n FROM partner_feed.child_grant WHERE partner_id = $1 AND child_id = ANY ($2::uuid[])`, [
              partner.partner,
              childIds,
            ])
          ).rows[0].n === CHILDREN,
        60_000,
      );
      if (subscriber !== civil) await subscriber.end();
    }
  }, 120_000);

  // The shared system as it was: the rows, and their published sets (children are never deleted in
  // the registry's own life, so no trigger carries a deletion: the sets' rows go by hand, and the
  // subscribers' copies follow by replication).
  afterAll(async () => {
    await womens.query(`DELETE FROM partner_feed.child_grant WHERE child_id = ANY ($1::uuid[])`, [childIds]);
    await womens.query(`DELETE FROM consent WHERE recorded_by = 'test:bulk'`);
    await womens.query(`DELETE FROM pairing WHERE created_by = 'test:bulk'`);
    await civil.query(`DELETE FROM registry_feed.child WHERE child_id = ANY ($1::uuid[])`, [childIds]);
    await civil.query(`DELETE FROM child WHERE created_by = 'test:bulk'`);
    const education = await database('education');
    try {
      await waitFor(
        async () => (await education.query(`SELECT count(*)::int AS n FROM registry_feed.child WHERE child_id = ANY ($1::uuid[])`, [childIds])).rows[0].n === 0,
        60_000,
      );
    } finally {
      await education.end();
    }
    await Promise.all([civil.end(), womens.end()]);
  }, 90_000);

  it('reads its children, the first, the last and any between, with their pairings', async () => {
    const sample = [0, 1, 2499, 3333, 4998, 4999].map((index) => childIds[index]);
    const query = `query { ${sample.map((id, index) => `c${index}: child(id: "${id}") { id maskedName ageBand pairings { helperName } }`).join(' ')} }`;
    const response = await post(system.gatewayUrl, { query }, asPartner);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    for (const [index, id] of sample.entries()) {
      expect(response.body.data[`c${index}`]).toMatchObject({ id, maskedName: expect.stringMatching(/^批\*+\d$/), pairings: [{ helperName: '批量志愿者' }] });
    }
  });

  it('loses a child within 5 seconds of its consent being revoked, and keeps the other 4,999', async () => {
    const [revokedChild, keptChild] = [childIds[1234], childIds[1235]];
    const read = (id: string) => post(system.gatewayUrl, { query: `query ($id: ID!) { child(id: $id) { id } }`, variables: { id } }, asPartner);
    expect((await read(revokedChild)).body.data.child.id).toBe(revokedChild);
    await gqlData(`mutation ($id: ID!) { revokeConsent(id: $id) { active } }`, { id: consentIds[1234] });
    const closed = await waitFor(async () => {
      const response = await read(revokedChild);
      return response.body.data?.child === null ? response : null;
    }, 5000);
    expect(closed.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect((await read(keptChild)).body.data.child.id).toBe(keptChild);
    // The women's federation itself closes it at once: the pairings are its own data.
    const pairings = await gql(
      `query ($id: ID!) { child(id: $id) { pairings { id } } }`,
      { id: revokedChild },
      system.tokens['partner-ngo'],
      'care-programmes',
    );
    expect(pairings.body.data?.child ?? null).toBeNull();
  });
});
