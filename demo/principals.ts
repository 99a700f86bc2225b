import type { Principal } from '../platform/principal';

/**
 * Demo users, one per kind of consumer, for trying the API. Their scopes follow the data
 * categories of DESIGN section 4; field and row enforcement of them comes with access control.
 */
export const DEMO_PRINCIPALS: Record<string, Principal> = {
  'civil-affairs-case-worker': {
    sub: 'demo:civil-affairs-case-worker',
    org: 'civil-affairs:341322',
    scopes: ['child:basic', 'child:identity', 'child:family', 'child:welfare', 'protection:read', 'child:write', 'protection:file'],
    jurisdiction: ['341322'],
    schools: [],
    partner: null,
    purposes: ['case-management', 'protection'],
  },
  'county-education-officer': {
    sub: 'demo:county-education-officer',
    org: 'education:341322',
    scopes: ['child:basic', 'edu:enrolment', 'edu:attendance', 'edu:care', 'edu:write'],
    jurisdiction: ['341322'],
    schools: [],
    partner: null,
    purposes: ['education-support', 'dropout-prevention'],
  },
  'womens-federation-officer': {
    sub: 'demo:womens-federation-officer',
    org: 'womens-federation:341322',
    scopes: ['child:basic', 'child:family', 'wf:programmes', 'wf:write'],
    jurisdiction: ['341322'],
    schools: [],
    partner: null,
    purposes: ['care-programmes'],
  },
  analyst: {
    sub: 'demo:analyst',
    org: 'civil-affairs:34',
    scopes: ['report:aggregate'],
    jurisdiction: ['34'],
    schools: [],
    partner: null,
    purposes: ['statistics'],
  },
  'province-administrator': {
    sub: 'demo:province-administrator',
    org: 'civil-affairs:province',
    scopes: [
      'child:basic', 'child:identity', 'child:family', 'child:welfare', 'protection:read', 'edu:enrolment', 'edu:attendance',
      'edu:care', 'wf:programmes', 'audit:read', 'child:write', 'edu:write', 'wf:write',
    ],
    jurisdiction: ['34', '36', '45'],
    schools: [],
    partner: null,
    purposes: ['case-management', 'supervision'],
  },
};
