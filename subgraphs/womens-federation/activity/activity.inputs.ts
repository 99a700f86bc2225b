import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ActivityKind, Attendee } from './activity.type';

@InputType({ description: 'One attendance.' })
export class AttendanceInput {
  @Field(() => ID, { description: 'Registry id of the child (for a parent or guardian: the child they came for).' })
  childId!: string;

  @Field(() => Attendee, { defaultValue: Attendee.CHILD, description: 'Who attended.' })
  attendee: Attendee = Attendee.CHILD;

  @Field(() => String, { nullable: true, description: 'The parent’s or guardian’s name.' })
  attendeeName?: string | null;
}

@InputType({ description: 'An activity and who attended it.' })
export class RecordActivityInput {
  @Field(() => ActivityKind, { description: 'What it was.' })
  kind!: ActivityKind;

  @Field({ description: 'Title or topic, up to 100 characters.' })
  title!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'County-level code where it was held; the home’s or programme’s region when omitted.' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The children’s home, for its activities (required for CHILDRENS_HOME_ACTIVITY).' })
  childrensHomeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The programme (a partner NGO records for its own programmes only).' })
  programmeId?: string | null;

  @Field({ description: 'Who led it, up to 100 characters.' })
  ledBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes, up to 2,000 characters.' })
  notes?: string | null;

  @Field(() => [AttendanceInput], { nullable: true, description: 'Who attended, up to 200.' })
  attendance?: AttendanceInput[] | null;
}

@InputType({ description: 'Which activities to list.' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Only this children’s home’s.' })
  childrensHomeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this programme’s.' })
  programmeId?: string | null;

  @Field(() => ActivityKind, { nullable: true, description: 'Only this kind.' })
  kind?: ActivityKind | null;
}
