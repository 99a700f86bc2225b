/** The shape of the demo data: one consistent world that each subgraph loads its part of. */

export interface DemoParent {
  name: string;
  phone: string | null;
  workPlace: string | null;
  awaySince: string | null;
  unableToGuard: boolean;
  unableReason: string | null;
}

export interface DemoChild {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  nationalId: string | null;
  householdRegionCode: string;
  householdVillage: string;
  residenceRegionCode: string;
  residenceVillage: string;
  father: DemoParent;
  mother: DemoParent;
  guardianship: {
    form: 'GRANDPARENTS' | 'RELATIVES_OR_FRIENDS' | 'ONE_PARENT' | 'ALONE' | 'OTHER';
    guardianName: string | null;
    guardianRelationship: string | null;
    guardianPhone: string | null;
    guardianAddress: string | null;
    guardianCapacity: 'CAPABLE' | 'LIMITED' | 'UNABLE' | null;
  };
}

export interface DemoSchool {
  id: string;
  name: string;
  regionCode: string;
  type: 'PRIMARY' | 'JUNIOR_SECONDARY' | 'NINE_YEAR';
  boarding: boolean;
}

export interface DemoEnrolment {
  id: string;
  childId: string;
  schoolId: string;
  grade: number;
  className: string;
  studentNumber: string;
  boarding: boolean;
  enrolledOn: string;
}

export interface DemoCareAssignment {
  id: string;
  childId: string;
  schoolId: string;
  teacherName: string;
  teacherPhone: string;
  role: 'HEAD_TEACHER' | 'SUBJECT_TEACHER' | 'COUNSELLOR' | 'OTHER';
  assignedOn: string;
}

export interface DemoTalk {
  id: string;
  childId: string;
  heldOn: string;
  heldBy: string;
  summary: string;
}

export interface DemoPartner {
  id: string;
  name: string;
  type: 'NGO' | 'VOLUNTEER_TEAM' | 'SOCIAL_WORK_AGENCY';
  regionCode: string;
  contactPhone: string;
}

export interface DemoProgramme {
  id: string;
  partnerId: string;
  name: string;
  kind: 'PROXY_PARENT' | 'VOLUNTEER_PAIRING' | 'FAMILY_EDUCATION' | 'CHILDRENS_HOME' | 'OTHER';
  regionCode: string;
  startsOn: string;
}

export interface DemoPairing {
  id: string;
  childId: string;
  programmeId: string;
  helperName: string;
  helperRole: 'PROXY_PARENT' | 'VOLUNTEER';
  helperPhone: string;
  since: string;
  until: string | null;
  contactFrequency: 'WEEKLY' | 'FORTNIGHTLY' | 'MONTHLY';
}

export interface DemoConsent {
  id: string;
  childId: string;
  partnerId: string;
  regionCode: string;
  guardianName: string;
  guardianRelationship: string;
  categories: string[];
  purpose: string;
  givenOn: string;
  expiresOn: string;
}

export interface DemoWorld {
  referenceDate: string;
  children: DemoChild[];
  schools: DemoSchool[];
  enrolments: DemoEnrolment[];
  careAssignments: DemoCareAssignment[];
  talks: DemoTalk[];
  partners: DemoPartner[];
  programmes: DemoProgramme[];
  pairings: DemoPairing[];
  consents: DemoConsent[];
  /** Children at risk (demo/generate-at-risk.ts): places below the county, welfare, guardianship history, reports, reviews. */
  atRisk?: DemoAtRisk;
}

/** A place below the county: the township (9-digit code) and the village (12-digit code and name). */
export interface DemoPlace {
  townshipCode: string | null;
  villageCode: string | null;
  villageName: string | null;
}

/** The registry's file of one child beyond the core world: places, registration, review and status, who is in charge. */
export interface DemoChildFile {
  childId: string;
  household: DemoPlace;
  residence: DemoPlace;
  registeredOn: string;
  lastReviewedOn: string | null;
  status: 'ACTIVE' | 'ARCHIVED';
  archiveReason: 'AGED_OUT' | 'PARENTS_RETURNED' | 'NO_LONGER_IN_DIFFICULTY' | null;
  statusReason: string | null;
  childDirectorId: string | null;
  childSupervisorId: string | null;
}

export interface DemoDifficulty {
  id: string;
  childId: string;
  category: 'SEVERE_DISABILITY' | 'SEVERE_ILLNESS' | 'LOW_INCOME_FAMILY' | 'HARMED_BY_GUARDIAN' | 'EMERGENCY_OR_ACCIDENT';
  basis: string;
  source: 'MINIMUM_LIVING_RECORDS' | 'POVERTY_RECORDS' | 'DISABILITY_RECORDS' | 'MEDICAL_RECORDS' | 'POLICE_OR_COURT' | 'SWEEP';
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
}

export interface DemoBenefit {
  id: string;
  childId: string;
  kind: 'MINIMUM_LIVING_ALLOWANCE' | 'OTHER';
  description: string | null;
  amountFen: number;
  frequency: 'MONTHLY' | 'YEARLY';
  startsOn: string;
  endsOn: string | null;
  grantedBy: string;
}

export interface DemoCareWorker {
  id: string;
  role: 'CHILD_DIRECTOR' | 'CHILD_SUPERVISOR';
  name: string;
  phone: string;
  townshipCode: string;
  villageCode: string | null;
  villageName: string | null;
  /** The demo token's subject for the demo village's director and the demo township's supervisor. */
  subject: string | null;
}

/** One version of a child's guardianship (the latest is the current one). */
export type DemoGuardianshipVersion = DemoChild['guardianship'] & {
  childId: string;
  version: number;
  since: string;
  reportedToVillageOn: string | null;
  reportedToSchoolOn: string | null;
};

export interface DemoVerification {
  id: string;
  childId: string;
  guardianshipVersion: number;
  visitedOn: string;
  visitorName: string;
  visitorLevel: 'TOWNSHIP' | 'VILLAGE';
  method: 'HOME_VISIT' | 'ASSESSMENT';
  outcome: 'CAPABLE' | 'LIMITED' | 'UNABLE';
}

export interface DemoReentrustmentNotice {
  id: string;
  childId: string;
  cause: 'VERIFICATION_FOUND_UNABLE' | 'GUARDIAN_RECORDED_UNABLE';
  guardianshipVersion: number;
  verificationId: string | null;
  openedOn: string;
  parentsNotifiedOn: string | null;
  closedOn: string | null;
  closingGuardianshipVersion: number | null;
}

export interface DemoProtectionStep {
  id: string;
  action: 'NOTIFIED' | 'VISITED' | 'INTERVENED';
  body: 'POLICE' | 'CIVIL_AFFAIRS' | 'EDUCATION' | 'TOWNSHIP_GOVERNMENT' | null;
  takenAt: string;
  notes: string;
}

export interface DemoProtectionReport {
  id: string;
  childId: string;
  category: 'LIVING_ALONE_UNSUPERVISED' | 'GUARDIAN_UNABLE_OR_NEGLECTING' | 'SUSPECTED_INJURY' | 'SUSPECTED_DOMESTIC_VIOLENCE';
  facts: string;
  reporterSub: string;
  reporterOrg: string;
  reporterName: string;
  reportedAt: string;
  notifyBodies: string[];
  status: 'FILED' | 'IN_PROGRESS' | 'CLOSED';
  outcome: 'SAFE_WITH_FAMILY' | 'CARE_ARRANGED' | null;
  closedAt: string | null;
  steps: DemoProtectionStep[];
}

export interface DemoFileReview {
  id: string;
  childId: string;
  kind: 'REVIEW' | 'ARCHIVE';
  reviewedOn: string;
  archiveReason: DemoChildFile['archiveReason'];
  notes: string | null;
}

export interface DemoAtRisk {
  /** One per child of the world, in the same order. */
  files: DemoChildFile[];
  schoolPlaces: Record<string, DemoPlace>;
  programmePlaces: Record<string, DemoPlace>;
  careWorkers: DemoCareWorker[];
  difficulties: DemoDifficulty[];
  benefits: DemoBenefit[];
  guardianships: DemoGuardianshipVersion[];
  verifications: DemoVerification[];
  notices: DemoReentrustmentNotice[];
  reports: DemoProtectionReport[];
  reviews: DemoFileReview[];
}
