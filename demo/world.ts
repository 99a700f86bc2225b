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
}
