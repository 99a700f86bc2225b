/**
 * The scope catalogue: every field of every subgraph belongs to exactly one data category, and
 * the category is the scope that opens it (DESIGN section 4). The subgraph schemas get their
 * `@authenticated` / `@requiresScopes` directives from here when they are built, so a field
 * without a category cannot be served, and the composed supergraph carries the same rules.
 *
 * Sharing classes follow the State Council's rules on government-data sharing
 * (政务信息资源共享管理暂行办法): 无条件共享 unconditional, 有条件共享 conditional (only to
 * the roles and purposes that need it), 不予共享 not shared (stays with the owning agency and
 * the roles working a child's case with it).
 */

export type SharingClass = 'unconditional' | 'conditional' | 'not-shared';

export interface DataCategory {
  /** What the category holds, with the documents' Chinese term. */
  readonly description: string;
  readonly sharing: SharingClass;
  /** Reads or writes. */
  readonly kind: 'read' | 'write';
  /**
   * Whether the category holds data about one named child (a write: records about one). Reading a
   * type made of such data needs a stated purpose (the gateway's purpose rule), and each access to
   * it is appended to the access log; the directory and the plumbing describe no child.
   */
  readonly describesChild: boolean;
}

/**
 * The categories. `authenticated` is not a scope: it marks plumbing (connections, page info,
 * payload wrappers) that any authenticated caller may traverse, since it carries no data of its own.
 */
export const DATA_CATEGORIES = {
  authenticated: {
    description: 'Structure only (connections, edges, page info, payload wrappers): no data of its own.',
    sharing: 'unconditional',
    kind: 'read',
    describesChild: false,
  },
  'directory:read': {
    description: '名录: schools, partner organisations and their programmes, as published.',
    sharing: 'unconditional',
    kind: 'read',
    describesChild: false,
  },
  'child:masked': {
    description: '脱敏信息: registry id, masked name (张*明) and age band: what a partner NGO may see.',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'child:basic': {
    description: '基本信息: name, gender, age, regions, file status and the left-behind classification.',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'child:identity': {
    description:
      '身份信息: national ID, exact birth date, ethnicity, addresses (the village, the entrusted guardian’s address) and identifiers that embed the national ID (学籍号).',
    sharing: 'not-shared',
    kind: 'read',
    describesChild: true,
  },
  'child:family': {
    description: '家庭监护: parents, their whereabouts and contacts, guardianship and the entrusted guardian.',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'edu:enrolment': { description: '学籍: school, grade, class and enrolment status.', sharing: 'conditional', kind: 'read', describesChild: true },
  'edu:care': {
    description: '关爱帮扶: the care-responsible person (关爱责任人) and talks (谈心谈话).',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'wf:programmes': { description: '结对关爱: pairings (结对帮扶) with helpers and programmes.', sharing: 'conditional', kind: 'read', describesChild: true },
  'edu:care-notes': {
    description: '谈心谈话记录: what a talk recorded, free text that may hold anything the child or the family confided.',
    sharing: 'not-shared',
    kind: 'read',
    describesChild: true,
  },
  'staff:contact': {
    description: '联系方式: phone numbers of the teachers and helpers who care for a named child (their personal data, and a way to reach the child).',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'audit:read': {
    description: '访问记录: who accessed a child’s data, when, in which categories and for what purpose.',
    sharing: 'not-shared',
    kind: 'read',
    describesChild: true,
  },
  'wf:consent': {
    description: '监护人同意: guardians’ consents to share a child’s data with partner NGOs.',
    sharing: 'conditional',
    kind: 'read',
    describesChild: true,
  },
  'child:write': { description: 'Register children and record their facts (civil affairs).', sharing: 'not-shared', kind: 'write', describesChild: true },
  'edu:write': {
    description: 'Record schools, enrolments, care assignments and talks (education).',
    sharing: 'not-shared',
    kind: 'write',
    describesChild: true,
  },
  'wf:write': { description: 'Record partners, programmes and pairings (women’s federation).', sharing: 'not-shared', kind: 'write', describesChild: true },
} as const satisfies Record<string, DataCategory>;

export type CategoryName = keyof typeof DATA_CATEGORIES;

const connection = (type: string) =>
  ({
    [`${type}Connection.edges`]: 'authenticated',
    [`${type}Connection.pageInfo`]: 'authenticated',
    [`${type}Edge.cursor`]: 'authenticated',
    [`${type}Edge.node`]: 'authenticated',
  }) as const;

/** A working list's page: structure, plus a count of rows the caller already reaches through the list's own field. */
const workingList = (type: string) =>
  ({
    [`${type}WorkingList.edges`]: 'authenticated',
    [`${type}WorkingList.pageInfo`]: 'authenticated',
    [`${type}WorkingList.totalCount`]: 'authenticated',
    [`${type}WorkingListEdge.cursor`]: 'authenticated',
    [`${type}WorkingListEdge.node`]: 'authenticated',
  }) as const;

/** Field coordinate (`Type.field`) → category. The same coordinate in several subgraphs has one category. */
export const FIELD_CATEGORIES: Readonly<Record<string, CategoryName>> = {
  // Root fields: the category a caller needs to ask at all; what comes back is checked field by field.
  'Query.child': 'child:masked',
  'Query.childByNationalId': 'child:identity',
  'Query.children': 'child:basic',
  'Query.school': 'directory:read',
  'Query.schools': 'directory:read',
  'Query.partner': 'directory:read',
  'Query.partners': 'directory:read',
  'Query.programme': 'directory:read',
  'Mutation.registerChild': 'child:write',
  'Mutation.updateChild': 'child:write',
  'Mutation.recordGuardianship': 'child:write',
  'Mutation.createSchool': 'edu:write',
  'Mutation.enrol': 'edu:write',
  'Mutation.assignCareTeacher': 'edu:write',
  'Mutation.logTalk': 'edu:write',
  'Mutation.createPartner': 'wf:write',
  'Mutation.createProgramme': 'wf:write',
  'Mutation.pairChild': 'wf:write',
  'Mutation.recordConsent': 'wf:write',
  'Mutation.revokeConsent': 'wf:write',
  'Query.consents': 'wf:consent',
  // Deprecated. The ids of one's own consented children are what child:masked opens anyway.
  'Query.consentedChildIds': 'child:masked',
  'Query.childrenNeedingCarePerson': 'edu:care',

  // Child (civil affairs owns it; education and the women's federation add fields).
  'Child.id': 'child:masked',
  'Child.maskedName': 'child:masked',
  'Child.ageBand': 'child:masked',
  'Child.name': 'child:basic',
  'Child.gender': 'child:basic',
  'Child.age': 'child:basic',
  'Child.householdRegionCode': 'child:basic',
  'Child.householdRegionName': 'child:basic',
  'Child.residenceRegionCode': 'child:basic',
  'Child.residenceRegionName': 'child:basic',
  'Child.status': 'child:basic',
  'Child.statusReason': 'child:basic',
  'Child.lastReviewedAt': 'child:basic',
  'Child.version': 'child:basic',
  'Child.createdAt': 'child:basic',
  'Child.updatedAt': 'child:basic',
  'Child.classification': 'child:basic',
  'Child.nationalId': 'child:identity',
  'Child.birthDate': 'child:identity',
  'Child.ethnicity': 'child:identity',
  'Child.householdVillage': 'child:identity',
  'Child.residenceVillage': 'child:identity',
  'Child.guardianship': 'child:family',
  'Child.father': 'child:family',
  'Child.mother': 'child:family',
  'Child.enrolment': 'edu:enrolment',
  'Child.careResponsiblePerson': 'edu:care',
  'Child.talks': 'edu:care',
  'Child.lastTalkOn': 'edu:care',
  'Child.talkOverdue': 'edu:care',
  'Child.pairings': 'wf:programmes',
  'Child.accessLog': 'audit:read',
  'Child.educationAccessLog': 'audit:read',
  'Child.womensFederationAccessLog': 'audit:read',
  'AccessLogEntry.at': 'audit:read',
  'AccessLogEntry.agency': 'audit:read',
  'AccessLogEntry.actor': 'audit:read',
  'AccessLogEntry.org': 'audit:read',
  'AccessLogEntry.purpose': 'audit:read',
  'AccessLogEntry.requestId': 'audit:read',
  'AccessLogEntry.action': 'audit:read',
  'AccessLogEntry.categories': 'audit:read',

  'LeftBehindClassification.type': 'child:basic',
  'LeftBehindClassification.otherParentUnableToGuard': 'child:basic',
  'LeftBehindClassification.isLeftBehind': 'child:basic',
  'LeftBehindClassification.studentStatusFlag': 'child:basic',

  'Guardianship.form': 'child:family',
  'Guardianship.guardianName': 'child:family',
  'Guardianship.guardianRelationship': 'child:family',
  'Guardianship.guardianPhone': 'child:family',
  'Guardianship.guardianAddress': 'child:identity',
  'Guardianship.guardianCapacity': 'child:family',
  'Guardianship.livingAlone': 'child:family',
  'Guardianship.recordedAt': 'child:family',
  'Guardianship.version': 'child:family',

  'Parent.name': 'child:family',
  'Parent.phone': 'child:family',
  'Parent.workPlace': 'child:family',
  'Parent.awaySince': 'child:family',
  'Parent.unableToGuard': 'child:family',
  'Parent.unableReason': 'child:family',

  'RegisterChildPayload.child': 'authenticated',
  'RegisterChildPayload.alreadyRegistered': 'authenticated',
  'PageInfo.hasNextPage': 'authenticated',
  'PageInfo.endCursor': 'authenticated',
  ...connection('Child'),
  ...connection('School'),
  ...connection('Enrolment'),
  ...connection('PartnerOrganization'),
  ...connection('Consent'),
  ...workingList('Enrolment'),

  // Education.
  'School.id': 'directory:read',
  'School.name': 'directory:read',
  'School.regionCode': 'directory:read',
  'School.regionName': 'directory:read',
  'School.type': 'directory:read',
  'School.boarding': 'directory:read',
  'School.enrolments': 'edu:enrolment',
  'Enrolment.id': 'edu:enrolment',
  'Enrolment.grade': 'edu:enrolment',
  'Enrolment.className': 'edu:enrolment',
  'Enrolment.studentNumber': 'child:identity',
  'Enrolment.boarding': 'edu:enrolment',
  'Enrolment.status': 'edu:enrolment',
  'Enrolment.enrolledOn': 'edu:enrolment',
  'Enrolment.endedOn': 'edu:enrolment',
  'Enrolment.version': 'edu:enrolment',
  'Enrolment.school': 'edu:enrolment',
  'Enrolment.child': 'edu:enrolment',
  'CareResponsiblePerson.teacherName': 'edu:care',
  'CareResponsiblePerson.teacherPhone': 'staff:contact',
  'CareResponsiblePerson.role': 'edu:care',
  'CareResponsiblePerson.assignedOn': 'edu:care',
  'CareResponsiblePerson.school': 'edu:care',
  'Talk.id': 'edu:care',
  'Talk.heldOn': 'edu:care',
  'Talk.heldBy': 'edu:care',
  'Talk.summary': 'edu:care-notes',

  // Women's federation.
  'PartnerOrganization.id': 'directory:read',
  'PartnerOrganization.name': 'directory:read',
  'PartnerOrganization.type': 'directory:read',
  'PartnerOrganization.regionCode': 'directory:read',
  'PartnerOrganization.contactPhone': 'directory:read',
  'PartnerOrganization.programmes': 'directory:read',
  'Programme.id': 'directory:read',
  'Programme.name': 'directory:read',
  'Programme.kind': 'directory:read',
  'Programme.regionCode': 'directory:read',
  'Programme.startsOn': 'directory:read',
  'Programme.endsOn': 'directory:read',
  'Programme.partner': 'directory:read',
  'Pairing.id': 'wf:programmes',
  'Pairing.helperName': 'wf:programmes',
  'Pairing.helperRole': 'wf:programmes',
  'Pairing.helperPhone': 'staff:contact',
  'Pairing.since': 'wf:programmes',
  'Pairing.until': 'wf:programmes',
  'Pairing.contactFrequency': 'wf:programmes',
  'Pairing.programme': 'wf:programmes',
  'Pairing.child': 'wf:programmes',
  'Pairing.active': 'wf:programmes',
  'Consent.id': 'wf:consent',
  'Consent.partnerId': 'wf:consent',
  'Consent.regionCode': 'wf:consent',
  'Consent.guardianName': 'wf:consent',
  'Consent.guardianRelationship': 'wf:consent',
  'Consent.categories': 'wf:consent',
  'Consent.purpose': 'wf:consent',
  'Consent.givenOn': 'wf:consent',
  'Consent.expiresOn': 'wf:consent',
  'Consent.revokedAt': 'wf:consent',
  'Consent.child': 'wf:consent',
  'Consent.active': 'wf:consent',
};

/** What registering a child and changing its record take: the same fields. */
const CHILD_INPUT_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'nationalId',
  'householdRegionCode',
  'householdVillage',
  'residenceRegionCode',
  'residenceVillage',
  'father',
  'mother',
] as const;

/**
 * Arguments and input fields, by schema coordinate (`Type.field(argument:)` for an argument,
 * `Input.field` for an input field), → category. An input that selects rows by a field's value (a
 * filter, a look-up key) is in that field's category: asking for it needs the scope, as reading the
 * field would, since the rows that come back tell the value (`children(filter: { guardianshipForm:
 * ALONE })` tells who lives alone). The gateway refuses an operation's field whose given inputs the
 * caller's scopes do not open, before planning (UNAUTHORIZED_FIELD_OR_TYPE at the field's path, never a
 * wider or narrower list); each subgraph refuses it again; and every row such a read returns is logged
 * under the input's category, as if the field had been read. A value a write records is in the write's
 * category; structure (page size, cursor, the wrapper of a filter, an idempotency key) is
 * `authenticated`. An input with no category stops the build, as a field does.
 */
export const INPUT_CATEGORIES: Readonly<Record<string, CategoryName>> = {
  // Look-ups: each names a child (or its consents), so each needs the category of what it matches by.
  'Query.child(id:)': 'child:masked',
  'Query.childByNationalId(nationalId:)': 'child:identity',
  'Query.consents(childId:)': 'wf:consent',
  // Deprecated: which shareable category to list one's consented children for.
  'Query.consentedChildIds(category:)': 'child:masked',
  // Filters: each condition is in the category of the field it tests.
  'Query.children(filter:)': 'authenticated',
  'ChildFilter.regionPrefix': 'child:basic',
  'ChildFilter.leftBehindType': 'child:basic',
  'ChildFilter.isLeftBehind': 'child:basic',
  'ChildFilter.guardianshipForm': 'child:family',
  'ChildFilter.status': 'child:basic',
  // Which children a school's list holds tells where each one is at school.
  'Query.childrenNeedingCarePerson(schoolId:)': 'edu:enrolment',
  'Query.school(id:)': 'directory:read',
  'Query.schools(regionPrefix:)': 'directory:read',
  'Query.partner(id:)': 'directory:read',
  'Query.programme(id:)': 'directory:read',
  // Paging and sizes.
  'Query.children(first:)': 'authenticated',
  'Query.children(after:)': 'authenticated',
  'Query.childrenNeedingCarePerson(first:)': 'authenticated',
  'Query.childrenNeedingCarePerson(after:)': 'authenticated',
  'Query.schools(first:)': 'authenticated',
  'Query.schools(after:)': 'authenticated',
  'Query.consents(first:)': 'authenticated',
  'Query.consents(after:)': 'authenticated',
  'Query.partners(first:)': 'authenticated',
  'Query.partners(after:)': 'authenticated',
  'School.enrolments(first:)': 'authenticated',
  'School.enrolments(after:)': 'authenticated',
  'Child.accessLog(last:)': 'authenticated',
  'Child.talks(last:)': 'authenticated',

  // Writes: what a write records is in its own write category.
  'Mutation.registerChild(input:)': 'child:write',
  'Mutation.registerChild(idempotencyKey:)': 'authenticated',
  'Mutation.updateChild(id:)': 'child:write',
  'Mutation.updateChild(expectedVersion:)': 'child:write',
  'Mutation.updateChild(input:)': 'child:write',
  'Mutation.recordGuardianship(childId:)': 'child:write',
  'Mutation.recordGuardianship(expectedVersion:)': 'child:write',
  'Mutation.recordGuardianship(input:)': 'child:write',
  'Mutation.createSchool(input:)': 'edu:write',
  'Mutation.createSchool(idempotencyKey:)': 'authenticated',
  'Mutation.enrol(input:)': 'edu:write',
  'Mutation.enrol(idempotencyKey:)': 'authenticated',
  'Mutation.assignCareTeacher(input:)': 'edu:write',
  'Mutation.logTalk(input:)': 'edu:write',
  'Mutation.logTalk(idempotencyKey:)': 'authenticated',
  'Mutation.createPartner(input:)': 'wf:write',
  'Mutation.createPartner(idempotencyKey:)': 'authenticated',
  'Mutation.createProgramme(input:)': 'wf:write',
  'Mutation.createProgramme(idempotencyKey:)': 'authenticated',
  'Mutation.pairChild(input:)': 'wf:write',
  'Mutation.pairChild(idempotencyKey:)': 'authenticated',
  'Mutation.recordConsent(input:)': 'wf:write',
  'Mutation.recordConsent(idempotencyKey:)': 'authenticated',
  'Mutation.revokeConsent(id:)': 'wf:write',
  ...inputFields('child:write', 'RegisterChildInput', CHILD_INPUT_FIELDS),
  ...inputFields('child:write', 'UpdateChildInput', CHILD_INPUT_FIELDS),
  ...inputFields('child:write', 'ParentInput', ['name', 'phone', 'workPlace', 'awaySince', 'unableToGuard', 'unableReason']),
  ...inputFields('child:write', 'GuardianshipInput', ['form', 'guardianName', 'guardianRelationship', 'guardianPhone', 'guardianAddress', 'guardianCapacity']),
  ...inputFields('edu:write', 'CreateSchoolInput', ['name', 'regionCode', 'type', 'boarding']),
  ...inputFields('edu:write', 'EnrolInput', ['childId', 'schoolId', 'grade', 'className', 'studentNumber', 'boarding', 'enrolledOn']),
  ...inputFields('edu:write', 'AssignCareTeacherInput', ['childId', 'schoolId', 'teacherName', 'teacherPhone', 'role']),
  ...inputFields('edu:write', 'LogTalkInput', ['childId', 'heldOn', 'heldBy', 'summary']),
  ...inputFields('wf:write', 'CreatePartnerInput', ['name', 'type', 'regionCode', 'contactPhone']),
  ...inputFields('wf:write', 'CreateProgrammeInput', ['partnerId', 'name', 'kind', 'regionCode', 'startsOn', 'endsOn']),
  ...inputFields('wf:write', 'PairChildInput', ['childId', 'programmeId', 'helperName', 'helperRole', 'helperPhone', 'since', 'until', 'contactFrequency']),
  ...inputFields('wf:write', 'RecordConsentInput', [
    'childId',
    'partnerId',
    'regionCode',
    'guardianName',
    'guardianRelationship',
    'categories',
    'purpose',
    'givenOn',
    'expiresOn',
  ]),
};

/** The fields of a write's input, all in that write's category. */
function inputFields(category: CategoryName, type: string, fields: ReadonlyArray<string>): Record<string, CategoryName> {
  return Object.fromEntries(fields.map((field) => [`${type}.${field}`, category]));
}

/**
 * Why a field is in its category where that was decided by what it can reveal rather than where it
 * lives (the review of issue 9): printed beside the field in docs/access-control.md.
 */
export const CLASSIFICATION_NOTES: Readonly<Record<string, string>> = {
  'Enrolment.studentNumber': 'A 学籍号 in the national format is the national ID with a letter before it: identity, not enrolment.',
  'Guardianship.guardianAddress': 'Where the entrusted guardian lives is, for most children, where the child lives: an address, so identity.',
  'Guardianship.guardianPhone': 'A family contact (DESIGN: child:family holds contacts); reaches the guardian, not the child’s carers.',
  'Parent.phone': 'A family contact, as the guardian’s phone.',
  'Parent.workPlace': 'Where a parent works away from home: the family’s whereabouts, child:family.',
  'Parent.unableReason': 'Free text (illness, disability, detention): family data seen only with child:family.',
  'CareResponsiblePerson.teacherPhone': 'A teacher’s personal phone, and a way to reach the child: staff:contact, not every reader of edu:care.',
  'Pairing.helperPhone': 'A volunteer’s personal phone, and a way to reach the child: staff:contact, which no partner NGO holds.',
  'Talk.summary': 'Free text that may hold anything the child or the family confided: its own not-shared category.',
  'Talk.heldBy': 'The teacher’s name only; the talk’s content is Talk.summary.',
  'Child.statusReason': 'A short reason for archiving (turned 16, parents returned); child:basic. Staff are asked not to write narratives here.',
  'Child.householdRegionCode': 'County-level code only; the village is child:identity.',
  'Child.residenceRegionCode': 'County-level code only; the village is child:identity.',
  'Child.id': 'A random registry id that embeds nothing; it names the child, so reading it needs a purpose and is logged.',
  'Enrolment.className': 'School, grade and class locate a pupil within the school, which its staff know already: edu:enrolment.',
  'PartnerOrganization.contactPhone': 'An organisation’s published phone, not a person’s: directory.',
  'Consent.guardianName': 'The consenting guardian’s name: seen only by holders of wf:consent.',
};
