import type { SubgraphName } from '../platform/subgraphs';

/**
 * The data catalogue of what agencies share by subscription (政务数据共享): each agency publishes a
 * small set of facts, maintained inside its own database, that named agencies subscribe to through
 * PostgreSQL logical replication. The owner keeps owning the facts; a subscriber reads its copy,
 * which its application role can read but never write. Every field is the minimum a subscriber's
 * rule needs (PIPL art. 6): no name, no national ID, no family data ever leaves civil affairs this way.
 *
 * Each set lives in its own schema under the same name in the publisher's and the subscribers'
 * databases (logical replication matches tables by schema-qualified name). Its `heartbeat` table,
 * beaten every few seconds by the publisher, tells subscribers how fresh their copy is.
 */
export interface PublishedSet {
  /** The agency that owns and maintains the facts. */
  readonly publisher: SubgraphName;
  /** Schema (and publication) name, the same in every database that holds the set. */
  readonly schema: string;
  readonly subscribers: ReadonlyArray<SubgraphName>;
  /** Why the subscribers need it: the rules it serves. */
  readonly purpose: string;
  /** The set's table and what each field says. */
  readonly table: string;
  readonly fields: Readonly<Record<string, string>>;
}

export const PUBLISHED_SETS = {
  registry: {
    publisher: 'civil-affairs',
    schema: 'registry_feed',
    subscribers: ['education', 'womens-federation'],
    purpose:
      'Writes that name a child refuse an id the registry does not hold (or an archived child where the rule says so) and check the child’s own jurisdiction; ' +
      'township and village officials reach the rows about the children living in their area (down to the village code); ' +
      'talk and review rules and working lists apply to left-behind and difficult-circumstance children only.',
    table: 'child',
    fields: {
      child_id: 'Registry id.',
      household_region_code: '户籍地: GB/T 2260 code of the household registration region.',
      household_township_code: 'The household registration township (乡镇, 9 digits); null where only the county is known.',
      household_village_code: 'The household registration village as its 12-digit statistical code (never its name); null when unknown.',
      residence_region_code: 'GB/T 2260 code of the residence region.',
      residence_township_code: 'The residence township (乡镇, 9 digits); null where only the county is known.',
      residence_village_code: 'The residence village as its 12-digit statistical code (never its name); null when unknown.',
      birth_month: 'Birth year and month (YYYY-MM): enough for age bands and school age, not the exact date.',
      left_behind_type: 'NONE, ONE_PARENT_AWAY or BOTH_PARENTS_AWAY, as derived today.',
      is_left_behind: 'Counts as a left-behind child (留守儿童) under the national definition today.',
      in_difficulty:
        'Under 18 and in at least one difficult-circumstance category (困境儿童) on the dates it holds today; which categories, and any benefit, stay in civil affairs.',
      status: 'ACTIVE or ARCHIVED.',
      updated_at: 'When the row last changed.',
    },
  },
  enrolment: {
    publisher: 'education',
    schema: 'enrolment_feed',
    subscribers: ['civil-affairs', 'womens-federation'],
    purpose:
      'School staff reach, in the registry, exactly the children enrolled in their schools now; ended enrolments end that access. ' +
      'In the women’s federation, the same reach lets a school log its pupils’ parent contacts (亲情电话) and read them back.',
    table: 'enrolment',
    fields: {
      child_id: 'Registry id.',
      school_id: 'The school of the child’s latest enrolment.',
      school_region_code: 'GB/T 2260 code of that school’s region.',
      status: 'ENROLLED, TRANSFERRED, DROPPED_OUT or GRADUATED.',
      updated_at: 'When the row last changed.',
    },
  },
  partnerGrants: {
    publisher: 'womens-federation',
    schema: 'partner_feed',
    subscribers: ['civil-affairs', 'education'],
    purpose:
      'A partner NGO reaches a child only while the child is paired with one of its programmes and the guardian’s consent for the stated purpose holds; ' +
      'each agency checks this in its own database, whatever the size of the partner’s caseload.',
    table: 'child_grant',
    fields: {
      consent_id: 'The consent the grant comes from.',
      child_id: 'Registry id.',
      partner_id: 'The partner organisation.',
      purpose: 'The one purpose the consent was given for.',
      categories: 'The data categories the consent opens (only child:masked and wf:programmes can be).',
      valid_until: 'Last day: the earlier of the consent’s expiry and the pairing’s end.',
    },
  },
  proposals: {
    publisher: 'education',
    schema: 'proposal_feed',
    subscribers: ['civil-affairs'],
    purpose:
      'A school files a child with the registry (建档申报) without writing civil affairs’ database: civil affairs reviews the proposals of its jurisdiction ' +
      'and registers the child (through its national-ID de-duplication) or rejects it. A proposal leaves the set once reviewed, and education then erases ' +
      'the identity and family facts it collected: the registry holds them.',
    table: 'proposal',
    fields: {
      proposal_id: 'The proposal.',
      child_id: 'The registry id the child gets if filed anew (access-log entries about the proposal use it).',
      school_id: 'The proposing school.',
      school_region_code: 'GB/T 2260 code of its region.',
      name: '姓名.',
      gender: '性别.',
      birth_date: '出生日期.',
      ethnicity: '民族.',
      national_id: '居民身份证号, as the school collected it (optional).',
      household_region_code: '户籍地 county code.',
      household_village: 'Village of household registration.',
      residence_region_code: 'Residence county code.',
      residence_village: 'Village of residence.',
      class_name: '班级.',
      father: 'The father’s name, phone, place of work (外出地点) and since when away (外出时间), and whether he can guard the child.',
      mother: 'The mother’s, likewise.',
      guardian: '实际监护人: guardianship form, name, relationship, phone and address.',
      concerns: '关注的主要问题: the main concerns the school noted.',
      submitted_at: 'When the school proposed the child.',
    },
  },
  proposalReviews: {
    publisher: 'civil-affairs',
    schema: 'proposal_review_feed',
    subscribers: ['education'],
    purpose: 'The school learns the outcome of its proposal: the registry id of the child filed (or found already filed), or why it was rejected.',
    table: 'review',
    fields: {
      proposal_id: 'The proposal reviewed.',
      decision: 'ACCEPTED or REJECTED.',
      child_id: 'The registry id of the child filed, or already in the registry; null when rejected.',
      already_registered: 'True when the registry already held the child (same national ID, or linked by the reviewer): nothing was filed twice.',
      reason: 'Why, in the reviewer’s words (required for a rejection).',
      reviewed_at: 'When civil affairs decided.',
    },
  },
} as const satisfies Record<string, PublishedSet>;

export type PublishedSetName = keyof typeof PUBLISHED_SETS;

/** The sets one agency subscribes to. */
export function subscriptionsOf(subscriber: SubgraphName): PublishedSet[] {
  return Object.values(PUBLISHED_SETS).filter((set: PublishedSet) => set.subscribers.includes(subscriber));
}

/** The sets one agency publishes. */
export function publicationsOf(publisher: SubgraphName): PublishedSet[] {
  return Object.values(PUBLISHED_SETS).filter((set: PublishedSet) => set.publisher === publisher);
}
