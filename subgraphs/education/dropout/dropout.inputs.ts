import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { PupilListFilter } from '../enrolment/enrolment.inputs';
import { DropoutOutcome, EscalationTarget, Persuader, PersuasionOutcome } from './dropout.type';

@InputType({ description: 'A persuasion attempt (劝返) in an open dropout case.' })
export class RecordPersuasionInput {
  @Field(() => ID, { description: 'The open case.' })
  caseId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  attemptedOn?: string | null;

  @Field(() => Persuader, { defaultValue: Persuader.SCHOOL, description: 'Who made it.' })
  persuader: Persuader = Persuader.SCHOOL;

  @Field({ description: 'The people who went, up to 100 characters.' })
  persuadedBy!: string;

  @Field(() => PersuasionOutcome, { description: 'What it achieved.' })
  outcome!: PersuasionOutcome;

  @Field(() => String, { nullable: true, description: 'What was said and found, up to 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'A report of an open dropout case to the township government, the county bureau or the police.' })
export class RecordEscalationInput {
  @Field(() => ID, { description: 'The open case.' })
  caseId!: string;

  @Field(() => EscalationTarget, { description: 'Who was told.' })
  target!: EscalationTarget;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  reportedOn?: string | null;

  @Field({ description: 'Who reported it, up to 100 characters.' })
  reportedBy!: string;

  @Field(() => String, { nullable: true, description: 'What was reported, up to 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'Closes a dropout case.' })
export class CloseDropoutCaseInput {
  @Field(() => ID, { description: 'The open case.' })
  caseId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is VERSION_CONFLICT and nothing changes.' })
  expectedVersion!: number;

  @Field(() => DropoutOutcome, { description: 'How it ended.' })
  outcome!: DropoutOutcome;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  closedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, up to 500 characters (required for OTHER).' })
  note?: string | null;
}

@InputType({ description: 'Which dropout cases the ledger (控辍保学工作台账) shows; all conditions must hold.' })
export class DropoutCaseFilter extends PupilListFilter {
  @Field(() => Boolean, { defaultValue: true, description: 'Open cases (true, the default) or closed ones (false).' })
  open: boolean = true;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Only cases overdue for escalation: the rules require a report to someone who has not been told yet.',
  })
  escalationOverdue: boolean = false;

  @Field(() => EscalationTarget, { nullable: true, description: 'Only cases whose report to this body is overdue (the overdue kind).' })
  overdueTo?: EscalationTarget | null;
}
