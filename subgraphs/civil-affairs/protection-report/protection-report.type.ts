import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ProtectionCategory {
  LIVING_ALONE_UNSUPERVISED = 'LIVING_ALONE_UNSUPERVISED',
  MISSING = 'MISSING',
  GUARDIAN_UNABLE_OR_NEGLECTING = 'GUARDIAN_UNABLE_OR_NEGLECTING',
  SUSPECTED_DOMESTIC_VIOLENCE = 'SUSPECTED_DOMESTIC_VIOLENCE',
  SUSPECTED_INJURY = 'SUSPECTED_INJURY',
  SUSPECTED_UNLAWFUL_HARM = 'SUSPECTED_UNLAWFUL_HARM',
}
registerEnumType(ProtectionCategory, {
  name: 'ProtectionCategory',
  description:
    '强制报告的情形 (seed 000): what was found. Each is reported to the police first (应当在第一时间向公安机关报告); the other bodies follow from the category.',
  valuesConfig: {
    LIVING_ALONE_UNSUPERVISED: { description: '脱离监护单独居住生活: living alone without supervision. Police, civil affairs, township government.' },
    MISSING: { description: '失踪: whereabouts unknown. Police and the township government, who search for the child (seed 004).' },
    GUARDIAN_UNABLE_OR_NEGLECTING: {
      description: '监护人丧失监护能力或不履行监护责任: the guardian cannot or does not look after the child. Police, civil affairs, township government.',
    },
    SUSPECTED_DOMESTIC_VIOLENCE: { description: '疑似遭受家庭暴力: suspected domestic violence. Police, civil affairs, county education bureau (seed 002).' },
    SUSPECTED_INJURY: { description: '疑似遭受意外伤害: suspected injury. Police, civil affairs, county education bureau.' },
    SUSPECTED_UNLAWFUL_HARM: { description: '疑似遭受不法侵害: suspected unlawful harm. Police, civil affairs, county education bureau.' },
  },
});

export enum NotifiedBody {
  POLICE = 'POLICE',
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  EDUCATION = 'EDUCATION',
  TOWNSHIP_GOVERNMENT = 'TOWNSHIP_GOVERNMENT',
}
registerEnumType(NotifiedBody, {
  name: 'NotifiedBody',
  description: 'A body a protection report goes to.',
  valuesConfig: {
    POLICE: { description: '公安机关: the police (the local police station 派出所).' },
    CIVIL_AFFAIRS: { description: '民政部门: the civil-affairs department.' },
    EDUCATION: { description: '县级教育行政部门: the county education bureau.' },
    TOWNSHIP_GOVERNMENT: { description: '乡(镇)人民政府: the township government.' },
  },
});

export enum ProtectionReportStatus {
  FILED = 'FILED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(ProtectionReportStatus, {
  name: 'ProtectionReportStatus',
  description: 'Where a report stands.',
  valuesConfig: {
    FILED: { description: 'Filed; no handling step recorded yet.' },
    IN_PROGRESS: { description: 'Being handled: at least one step recorded.' },
    CLOSED: { description: 'Closed with an outcome.' },
  },
});

export enum ProtectionOutcome {
  SAFE_WITH_FAMILY = 'SAFE_WITH_FAMILY',
  CARE_ARRANGED = 'CARE_ARRANGED',
  TEMPORARY_GUARDIANSHIP = 'TEMPORARY_GUARDIANSHIP',
  CHILD_FOUND = 'CHILD_FOUND',
  CRIMINAL_CASE_OPENED = 'CRIMINAL_CASE_OPENED',
  UNFOUNDED = 'UNFOUNDED',
  OTHER = 'OTHER',
}
registerEnumType(ProtectionOutcome, {
  name: 'ProtectionOutcome',
  description: 'How a report was closed.',
  valuesConfig: {
    SAFE_WITH_FAMILY: { description: 'The child is safe where it lives; the family was guided.' },
    CARE_ARRANGED: { description: 'A capable guardian or other care was arranged.' },
    TEMPORARY_GUARDIANSHIP: { description: '临时监护: civil affairs took the child into temporary guardianship.' },
    CHILD_FOUND: { description: 'A missing child was found.' },
    CRIMINAL_CASE_OPENED: { description: 'The police opened a case (立案).' },
    UNFOUNDED: { description: 'The facts were not confirmed.' },
    OTHER: { description: 'Another outcome, in the notes.' },
  },
});

export enum ProtectionStepAction {
  NOTIFIED = 'NOTIFIED',
  VISITED = 'VISITED',
  INTERVENED = 'INTERVENED',
  REFERRED = 'REFERRED',
  OTHER = 'OTHER',
}
registerEnumType(ProtectionStepAction, {
  name: 'ProtectionStepAction',
  description: 'A step in handling a report.',
  valuesConfig: {
    NOTIFIED: { description: 'A body was notified (name it).' },
    VISITED: { description: 'The child or family was visited.' },
    INTERVENED: { description: 'An intervention: the child was taken to safety, care was arranged.' },
    REFERRED: { description: 'The case was referred to another body or service.' },
    OTHER: { description: 'Anything else, in the notes.' },
  },
});

@ObjectType({ description: 'A body a report goes to, in the order the rules give, and when it was notified.' })
export class BodyToNotify {
  /** Not in the schema: the child the report is about, for the access log. */
  childId?: string;

  @Field(() => NotifiedBody, { description: 'The body.' })
  body!: NotifiedBody;

  @Field(() => Int, { description: '1 for the first to notify (always the police), then the rest.' })
  order!: number;

  @Field(() => Date, { nullable: true, description: 'When a NOTIFIED step for it was recorded; null until then.' })
  notifiedAt!: Date | null;
}

@ObjectType({ description: 'One step in the handling of a protection report.' })
export class ProtectionStep {
  @Field(() => ID, { description: 'Step id.' })
  id!: string;

  @Field(() => ProtectionStepAction, { description: 'What was done.' })
  action!: ProtectionStepAction;

  @Field(() => NotifiedBody, { nullable: true, description: 'The body notified, or that acted.' })
  body!: NotifiedBody | null;

  @Field({ description: 'When it was done.' })
  takenAt!: Date;

  @Field(() => String, { nullable: true, description: 'What was done and found.' })
  notes!: string | null;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}

@ObjectType({
  description:
    '强制报告: a mandatory report that a child was found at risk, and its case file: the facts, the bodies to notify (police first), each handling ' +
    'step and the outcome. Read with protection:read; its reporter sees only the status (ProtectionReportReceipt).',
})
export class ProtectionReport {
  @Field(() => ID, { description: 'Report id.' })
  id!: string;

  @Field(() => ProtectionCategory, { description: 'What was found.' })
  category!: ProtectionCategory;

  @Field({ description: 'The facts as reported.' })
  facts!: string;

  @Field({ description: 'Who reported: the person’s name.' })
  reporterName!: string;

  @Field(() => String, { nullable: true, description: 'The reporter’s phone.' })
  reporterPhone!: string | null;

  @Field({ description: 'The reporter’s organisation (school, village committee, police station...), as its token names it.' })
  reporterOrg!: string;

  @Field({ description: 'When it was filed.' })
  reportedAt!: Date;

  @Field(() => ProtectionReportStatus, { description: 'Where it stands.' })
  status!: ProtectionReportStatus;

  @Field(() => ProtectionOutcome, { nullable: true, description: 'How it was closed; null while open.' })
  outcome!: ProtectionOutcome | null;

  @Field(() => String, { nullable: true, description: 'Notes on the outcome.' })
  outcomeNotes!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  closedAt!: Date | null;

  @Field(() => Int, { description: 'Version; pass it as expectedVersion to record a step or close the report.' })
  version!: number;
}

@ObjectType({ description: 'What the reporter of a protection report sees of it: that it was received, and where it stands. Not the case file.' })
export class ProtectionReportReceipt {
  @Field(() => ID, { description: 'Report id.' })
  id!: string;

  @Field(() => ProtectionCategory, { description: 'What was reported.' })
  category!: ProtectionCategory;

  @Field({ description: 'When it was filed.' })
  reportedAt!: Date;

  @Field(() => ProtectionReportStatus, { description: 'Where it stands.' })
  status!: ProtectionReportStatus;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  closedAt!: Date | null;
}
