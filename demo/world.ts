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

// The school's and the federation's work (issue 12): generated by demo/generate-school-work.ts,
// from its own random stream, after the rest of the world.

/** A school record about a pupil: the child and the school that keeps it. */
interface DemoPupilRecord {
  id: string;
  childId: string;
  schoolId: string;
}

export interface DemoAbsence extends DemoPupilRecord {
  absentOn: string;
  excused: boolean;
  reason: string | null;
}

export interface DemoDropoutCase extends DemoPupilRecord {
  cause: 'UNEXCUSED_ABSENCE' | 'DROPPED_OUT';
  absentSince: string;
  openedOn: string;
  closedOn: string | null;
  outcome: 'RETURNED' | 'TRANSFERRED' | 'OTHER' | null;
  closingNote: string | null;
  persuasions: {
    id: string;
    attemptedOn: string;
    persuader: 'SCHOOL' | 'TOWNSHIP' | 'VILLAGE' | 'OTHER';
    persuadedBy: string;
    outcome: 'RETURNED' | 'FAILED' | 'WHEREABOUTS_UNKNOWN';
    note: string;
  }[];
  escalations: { id: string; target: 'TOWNSHIP_GOVERNMENT' | 'COUNTY_BUREAU' | 'POLICE'; reportedOn: string; reportedBy: string; note: string }[];
}

export interface DemoHomeVisit extends DemoPupilRecord {
  visitedOn: string;
  kind: 'HOME_VISIT' | 'HOLIDAY_SAFETY' | 'SWEEP_VERIFICATION';
  visitors: string;
  findings: string;
}

export interface DemoAcademicSupport extends DemoPupilRecord {
  subject: string;
  difficulty: string;
  tutor: string;
  startsOn: string;
  endsOn: string | null;
}

export interface DemoBoardingLeave extends DemoPupilRecord {
  leavesOn: string;
  returnsOn: string;
  reason: string;
  guardianName: string;
  guardianRelationship: string;
  checkedVia: 'PHONE' | 'VIDEO' | 'IN_PERSON';
  checkedAt: Date;
  approvedBy: string;
}

export interface DemoScreening extends DemoPupilRecord {
  screenedOn: string;
  instrument: string;
  riskLevel: 'NONE' | 'MILD' | 'MODERATE' | 'SERIOUS';
  screenedBy: string;
  notes: string | null;
  contact: {
    id: string;
    contactedOn: string;
    contactedName: string;
    relationship: string;
    channel: 'PHONE' | 'VIDEO' | 'IN_PERSON';
    contactedBy: string;
    notes: string;
  } | null;
  intervention: { id: string; startedOn: string; kind: 'INDIVIDUAL_COUNSELLING' | 'GROUP_COUNSELLING' | 'REFERRAL'; providedBy: string; notes: string } | null;
}

export interface DemoAidGrant extends DemoPupilRecord {
  termYear: number;
  termSeason: 'SPRING' | 'AUTUMN';
  kind: 'BOARDING_LIVING_ALLOWANCE' | 'FREE_TEXTBOOKS' | 'MEAL_FEE_WAIVER' | 'BOARDING_FEE_WAIVER' | 'AFTER_SCHOOL_FEE_WAIVER' | 'NUTRITION_PROGRAMME';
  amount: number | null;
  grantedOn: string;
}

export interface DemoFileCheck extends DemoPupilRecord {
  termYear: number;
  termSeason: 'SPRING' | 'AUTUMN';
  checkedOn: string;
  checkedBy: string;
  findings: string | null;
}

export interface DemoEnrolmentNotice {
  id: string;
  childId: string;
  regionCode: string;
  schoolId: string;
  issuedOn: string;
  reportBy: string;
  note: string;
}

export interface DemoProposal {
  id: string;
  childId: string;
  schoolId: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  className: string;
  birthDate: string;
  ethnicity: string;
  nationalId: string;
  householdRegionCode: string;
  householdVillage: string;
  residenceRegionCode: string;
  residenceVillage: string;
  father: { name: string; phone: string; workPlace: string; awaySince: string; unableToGuard: false; unableReason: null };
  mother: { name: string; phone: string; workPlace: string; awaySince: string; unableToGuard: false; unableReason: null };
  guardian: { form: 'GRANDPARENTS'; name: string; relationship: string; phone: string; address: string };
  concerns: string;
}

export interface DemoChildrensHome {
  id: string;
  name: string;
  regionCode: string;
  village: string;
  managerName: string;
  managerPhone: string;
  openedOn: string;
}

export interface DemoActivity {
  id: string;
  kind: 'CHILDRENS_HOME_ACTIVITY' | 'FAMILY_EDUCATION' | 'PROGRAMME_ACTIVITY' | 'HOME_VISIT';
  title: string;
  heldOn: string;
  regionCode: string;
  childrensHomeId: string | null;
  programmeId: string | null;
  partnerId: string | null;
  ledBy: string;
  notes: string | null;
  attendance: { childId: string; attendee: 'CHILD' | 'FATHER' | 'MOTHER' | 'GUARDIAN'; attendeeName: string | null }[];
}

export interface DemoParentContact {
  id: string;
  childId: string;
  contactedOn: string;
  channel: 'PHONE' | 'VIDEO';
  parent: 'FATHER' | 'MOTHER' | 'BOTH';
  arrangedBy: 'SCHOOL' | 'WOMENS_FEDERATION' | 'CHILDRENS_HOME';
  schoolId: string | null;
  regionCode: string;
  minutes: number;
  notes: string | null;
}

export interface DemoSchoolWork {
  talks: DemoTalk[];
  absences: DemoAbsence[];
  dropoutCases: DemoDropoutCase[];
  homeVisits: DemoHomeVisit[];
  academicSupport: DemoAcademicSupport[];
  boardingLeaves: DemoBoardingLeave[];
  screenings: DemoScreening[];
  aid: DemoAidGrant[];
  fileChecks: DemoFileCheck[];
  enrolmentNotices: DemoEnrolmentNotice[];
  proposals: DemoProposal[];
  /** 单位（职业） of each pairing's helper, by pairing id. */
  helperOccupations: Record<string, string>;
  endedPairings: (DemoPairing & { helperOccupation: string; endReason: string })[];
  childrensHomes: DemoChildrensHome[];
  activities: DemoActivity[];
  parentContacts: DemoParentContact[];
}

export interface DemoWorld {
  /** The school's and the federation's work; set by the generator once the rest of the world is made. */
  schoolWork?: DemoSchoolWork;
}
