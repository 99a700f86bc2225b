import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ContactChannel } from '../care-record/care-record.type';
import { InterventionKind, RiskLevel } from './wellbeing.type';

@InputType({ description: 'A psychological screening of a pupil.' })
export class RecordScreeningInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  screenedOn?: string | null;

  @Field({ description: 'The instrument, up to 50 characters.' })
  instrument!: string;

  @Field(() => RiskLevel, { description: 'The risk found.' })
  riskLevel!: RiskLevel;

  @Field({ description: 'Who screened.' })
  screenedBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes, up to 2,000 characters.' })
  notes?: string | null;
}

@InputType({ description: 'Counselling, group work or a referral for a pupil.' })
export class RecordInterventionInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { nullable: true, description: 'The child’s screening it responds to, if any.' })
  screeningId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Started; today when omitted.' })
  startedOn?: string | null;

  @Field(() => InterventionKind, { description: 'What kind.' })
  kind!: InterventionKind;

  @Field({ description: 'Who provides it.' })
  providedBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes, up to 2,000 characters.' })
  notes?: string | null;
}

@InputType({ description: 'A contact with the parents or guardian about a screening.' })
export class RecordWellbeingContactInput {
  @Field(() => ID, { description: 'The screening.' })
  screeningId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted. Not before the screening.' })
  contactedOn?: string | null;

  @Field({ description: 'Who was reached.' })
  contactedName!: string;

  @Field({ description: 'Their relationship to the child.' })
  relationship!: string;

  @Field(() => ContactChannel, { description: 'How.' })
  channel!: ContactChannel;

  @Field({ description: 'Who made the contact.' })
  contactedBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes, up to 2,000 characters.' })
  notes?: string | null;
}
