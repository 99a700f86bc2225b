import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum DropoutCause {
  UNEXCUSED_ABSENCE = 'UNEXCUSED_ABSENCE',
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(DropoutCause, {
  name: 'DropoutCause',
  description: 'Why the case was opened.',
  valuesConfig: {
    UNEXCUSED_ABSENCE: { description: '无故旷课: an unexcused absence was recorded.' },
    DROPPED_OUT: { description: '辍学: the enrolment was recorded as dropped out.' },
  },
});

export enum DropoutOutcome {
  RETURNED = 'RETURNED',
  TRANSFERRED = 'TRANSFERRED',
  OTHER = 'OTHER',
}
registerEnumType(DropoutOutcome, {
  name: 'DropoutOutcome',
  description: 'How a dropout case closed.',
  valuesConfig: {
    RETURNED: { description: '劝返复学: back at school.' },
    TRANSFERRED: { description: 'At another school now.' },
    OTHER: { description: 'Other (say why in the note).' },
  },
});

export enum Persuader {
  SCHOOL = 'SCHOOL',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  OTHER = 'OTHER',
}
registerEnumType(Persuader, {
  name: 'Persuader',
  description: 'Who made a persuasion attempt. Only the school’s failed attempts count towards the escalation rule.',
  valuesConfig: {
    SCHOOL: { description: '学校: teachers or school leaders.' },
    TOWNSHIP: { description: '乡镇人民政府.' },
    VILLAGE: { description: '村（居）委会.' },
    OTHER: { description: 'Others.' },
  },
});

export enum PersuasionOutcome {
  RETURNED = 'RETURNED',
  FAILED = 'FAILED',
  WHEREABOUTS_UNKNOWN = 'WHEREABOUTS_UNKNOWN',
}
registerEnumType(PersuasionOutcome, {
  name: 'PersuasionOutcome',
  description: 'What a persuasion attempt achieved.',
  valuesConfig: {
    RETURNED: { description: 'The child came back (close the case as RETURNED).' },
    FAILED: { description: '劝返未果: the child did not come back.' },
    WHEREABOUTS_UNKNOWN: { description: '去向不明: nobody knows where the child is; the township and the police must be told.' },
  },
});

export enum EscalationTarget {
  TOWNSHIP_GOVERNMENT = 'TOWNSHIP_GOVERNMENT',
  COUNTY_BUREAU = 'COUNTY_BUREAU',
  POLICE = 'POLICE',
}
registerEnumType(EscalationTarget, {
  name: 'EscalationTarget',
  description: 'Where a dropout case is reported.',
  valuesConfig: {
    TOWNSHIP_GOVERNMENT: { description: '乡（镇）人民政府, which starts its own persuasion (劝返复学程序).' },
    COUNTY_BUREAU: { description: '县级教育行政部门: the school’s written report (书面报告).' },
    POLICE: { description: '当地派出所: when the child’s whereabouts are unknown.' },
  },
});

@ObjectType({ description: '劝返: one attempt to bring the child back to school.' })
export class Persuasion {
  @Field(() => ID, { description: 'Attempt id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When it was made.' })
  attemptedOn!: string;

  @Field(() => Persuader, { description: 'Who made it.' })
  persuader!: Persuader;

  @Field({ description: 'The people who went (names).' })
  persuadedBy!: string;

  @Field(() => PersuasionOutcome, { description: 'What it achieved.' })
  outcome!: PersuasionOutcome;

  @Field(() => String, { nullable: true, description: 'What was said and found.' })
  note!: string | null;
}

@ObjectType({ description: 'A report of the case to the township government, the county bureau or the police.' })
export class DropoutEscalation {
  @Field(() => EscalationTarget, { description: 'Who was told.' })
  target!: EscalationTarget;

  @Field(() => LocalDate, { description: 'When.' })
  reportedOn!: string;

  @Field({ description: 'Who reported it.' })
  reportedBy!: string;

  @Field(() => String, { nullable: true, description: 'What was reported, and the answer.' })
  note!: string | null;
}

@ObjectType({
  description:
    '控辍保学 一人一案: a child’s dropout-prevention case, opened on an unexcused absence or a dropout, with its persuasion attempts, ' +
    'the escalation the rules require and the reports made.',
})
export class DropoutCase {
  @Field(() => ID, { description: 'Case id.' })
  id!: string;

  @Field(() => DropoutCause, { description: 'Why it was opened.' })
  cause!: DropoutCause;

  @Field(() => LocalDate, { description: 'The first day missed: unexcused absences from this day count towards the rule.' })
  absentSince!: string;

  @Field(() => LocalDate, { description: 'When the case was opened.' })
  openedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was closed; null while open.' })
  closedOn!: string | null;

  @Field(() => DropoutOutcome, { nullable: true, description: 'How it closed; null while open.' })
  outcome!: DropoutOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why, in the school’s words.' })
  closingNote!: string | null;

  @Field(() => Int, { description: 'Version of the record.' })
  version!: number;
}

/** What the rule computes for a case (from the dropout_case_escalation view). */
export interface EscalationFacts {
  caseId: string;
  unexcusedDays: number;
  failedSchoolPersuasions: number;
  whereaboutsUnknown: boolean;
  required: EscalationTarget[];
  due: EscalationTarget[];
}
