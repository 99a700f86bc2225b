import { demoPrincipals } from '../demo/principals';
import { registerChild } from './support/at-risk-children';
import { gql, gqlData, signedPost, statementCount, system, type GraphQLResponse } from './support/system';

/**
 * The child's status: one federated entity (ChildRiskStatus, keyed by childId) with every flag
 * filed under the category of the data it reveals, loaded in a fixed number of statements.
 */
const principals = demoPrincipals(2026);
const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';
const deniedPaths = (response: GraphQLResponse) =>
  (response.body.errors ?? []).filter((error) => error.extensions?.code === UNAUTHORIZED).map((error) => (error.path ?? []).join('.'));

const FLAGS = {
  classification: 'child:basic',
  reviewOverdue: 'child:basic',
  reviewDueOn: 'child:basic',
  livingAlone: 'child:family',
  noGuardianshipRecorded: 'child:family',
  guardianUnable: 'child:family',
  reentrustmentNoticeOpen: 'child:family',
  inDifficultCircumstances: 'child:welfare',
  agedOut: 'child:welfare',
  parentsReturned: 'child:welfare',
  openProtectionReport: 'protection:read',
} as const;
const SELECTION = Object.keys(FLAGS)
  .map((flag) => (flag === 'classification' ? 'classification { isLeftBehind }' : flag))
  .join(' ');

describe('the child’s status', () => {
  it('gives each role exactly the flags its scopes open', async () => {
    const id = await registerChild();
    for (const role of ['county-education-officer', 'child-director', 'police-liaison', 'civil-affairs-case-worker'] as const) {
      const response = await gql(
        `query ($id: ID!) { child(id: $id) { riskStatus { childId ${SELECTION} } } }`,
        { id },
        system.tokens[role],
        principals[role].purposes[0],
      );
      const scopes = new Set<string>(principals[role].scopes);
      const status = response.body.data?.child?.riskStatus;
      if (!status) {
        // The demo child director serves one village; this child lives in none.
        expect(role).toBe('child-director');
        continue;
      }
      expect(status.childId).toBe(id);
      const denied = Object.entries(FLAGS)
        .filter(([, category]) => !scopes.has(category))
        .map(([flag]) => `child.riskStatus.${flag}`);
      expect({ role, denied: deniedPaths(response).sort() }).toEqual({ role, denied: denied.sort() });
      for (const [flag, category] of Object.entries(FLAGS))
        expect({ role, flag, set: status[flag] !== null }).toEqual({ role, flag, set: scopes.has(category) });
    }
  });

  it('is an entity other subgraphs can extend: civil affairs resolves a reference by childId, null for a child out of reach', async () => {
    const id = await registerChild();
    const entities = async (childId: string, principal = principals['civil-affairs-case-worker']) => {
      const response = await signedPost('civil-affairs', principal, 'case-management', {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ChildRiskStatus { childId livingAlone reviewOverdue } } }`,
        variables: { r: [{ __typename: 'ChildRiskStatus', childId }] },
      });
      return response.body;
    };
    expect(await entities(id)).toEqual({ data: { _entities: [{ childId: id, livingAlone: false, reviewOverdue: false }] } });
    const elsewhere = { ...principals['civil-affairs-case-worker'], jurisdiction: ['360731'] };
    expect(await entities(id, elsewhere)).toEqual({ data: { _entities: [null] } });
  });

  it('costs the same statements for a page of 100 children as for 10', async () => {
    const cost = async (first: number) => {
      const before = await statementCount('civil-affairs');
      const data = await gqlData(`query ($first: Int!) { children(first: $first) { edges { node { id riskStatus { ${SELECTION} } } } } }`, { first });
      expect(data.children.edges).toHaveLength(first);
      return (await statementCount('civil-affairs')) - before;
    };
    expect(await cost(100)).toBe(await cost(10));
  });
});
