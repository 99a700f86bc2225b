import type { Purpose } from './purposes';
import type { CategoryName } from './scope-catalogue';

/**
 * Roles: the bundles of scopes (data categories) and row limits the identity provider issues to
 * each kind of user. The gateway and subgraphs never look at a role name, only at the scopes,
 * jurisdiction, schools and partner claims of the token; this is the reference the identity
 * provider's administrators issue tokens from, and the demo tokens are made from it.
 */

export interface Role {
  /** The role as the documents name it. */
  readonly title: string;
  /** Scopes the role's tokens carry. */
  readonly scopes: ReadonlyArray<Exclude<CategoryName, 'authenticated'>>;
  /** Which rows the role's tokens reach, and through which claim. */
  readonly rows: string;
  readonly purposes: ReadonlyArray<Purpose>;
}

// Every role that reads children holds child:masked with child:basic: the registry id is in
// child:masked, and entity joins across agencies go through it.
export const ROLES = {
  'school-care-teacher': {
    title: '学校关爱教师 (school care teacher)',
    // Parent contacts (亲情电话) are logged in the women's federation, where its rows are its pupils' contacts only.
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'edu:enrolment',
      'edu:care',
      'edu:care-notes',
      'staff:contact',
      'edu:write',
      'edu:attendance',
      'registry:filing',
      'wf:programmes',
      'wf:records:write',
      'protection:file',
    ],
    rows: 'Children now enrolled in the schools of the `schools` claim, in every agency; no jurisdiction.',
    purposes: ['education-support', 'dropout-prevention', 'protection'],
  },
  'school-counsellor': {
    title: '学校心理辅导教师 (school counsellor)',
    // The one role that reads and records psychological screenings (edu:wellbeing, the most sensitive category).
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'edu:enrolment',
      'edu:care',
      'edu:care-notes',
      'staff:contact',
      'edu:wellbeing',
      'edu:wellbeing:write',
      'protection:file',
    ],
    rows: 'Children now enrolled in the schools of the `schools` claim, in every agency; no jurisdiction.',
    purposes: ['education-support', 'protection'],
  },
  'county-education-officer': {
    title: '县级教育行政部门 (county education officer)',
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'edu:enrolment',
      'edu:care',
      'staff:contact',
      'edu:write',
      'edu:attendance',
      'registry:filing',
      'protection:file',
    ],
    rows: 'Children living or registered in the `jurisdiction` regions (a county).',
    purposes: ['education-support', 'dropout-prevention', 'protection'],
  },
  'child-director': {
    title: '儿童主任 (village child director)',
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'child:family',
      'child:welfare',
      'edu:enrolment',
      'edu:care',
      'wf:programmes',
      'staff:contact',
      'child:write',
      'protection:file',
    ],
    rows:
      'Children of the village served, named in `jurisdiction` by its 12-digit statistical code (the township’s 9 digits and 3), and the children ' +
      'the registry puts in their charge.',
    purposes: ['case-management', 'protection'],
  },
  'township-child-supervisor': {
    title: '乡镇儿童督导员 (township child supervisor)',
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'child:identity',
      'child:family',
      'child:welfare',
      'edu:enrolment',
      'edu:care',
      'wf:programmes',
      'staff:contact',
      'child:write',
      'child:archive',
      'child:assign',
      'protection:read',
      'protection:file',
      'protection:handle',
    ],
    rows: 'Children of the township served, named in `jurisdiction` by its 9-digit code, and the children the registry puts in their charge.',
    purposes: ['case-management', 'protection'],
  },
  'civil-affairs-case-worker': {
    title: '民政部门儿童督导员 (civil-affairs case worker)',
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'child:identity',
      'child:family',
      'edu:enrolment',
      'edu:care',
      'edu:care-notes',
      'child:welfare',
      'wf:programmes',
      'staff:contact',
      'registry:filing',
      'child:write',
      'child:archive',
      'child:assign',
      'audit:read',
      'protection:read',
      'protection:file',
      'protection:handle',
    ],
    rows: 'Children of the `jurisdiction` regions (a county).',
    purposes: ['case-management', 'protection'],
  },
  'womens-federation-officer': {
    title: '妇联干部 (women’s-federation officer)',
    scopes: [
      'directory:read',
      'child:masked',
      'child:basic',
      'child:family',
      'wf:programmes',
      'staff:contact',
      'wf:consent',
      'wf:write',
      'wf:records:write',
      'protection:file',
    ],
    rows: 'Children of the `jurisdiction` regions (a county).',
    purposes: ['care-programmes', 'protection'],
  },
  'police-liaison': {
    title: '公安联络员 (police liaison)',
    scopes: ['directory:read', 'child:masked', 'child:basic', 'child:identity', 'child:family', 'protection:read', 'protection:file', 'protection:handle'],
    rows: 'Children of the `jurisdiction` regions (a county); protection reports about them, archived files included.',
    purposes: ['protection'],
  },
  analyst: {
    title: '统计分析员 (analyst)',
    scopes: ['directory:read', 'report:aggregate'],
    rows: 'No named child; region figures within the `jurisdiction` regions.',
    purposes: ['statistics'],
  },
  'partner-ngo': {
    title: '社会组织 (partner NGO)',
    // Records its own activities and visits for its programme's consented children (wf:records:write; its rows only).
    scopes: ['directory:read', 'child:masked', 'wf:programmes', 'wf:records:write'],
    rows: 'Children paired now with a programme of the `partner` organisation whose guardian’s consent holds for the stated purpose.',
    purposes: ['care-programmes'],
  },
} as const satisfies Record<string, Role>;

export type RoleName = keyof typeof ROLES;
