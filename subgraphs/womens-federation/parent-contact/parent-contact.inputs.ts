import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { CallChannel, ContactArranger, ParentContacted } from './parent-contact.type';

@InputType({ description: 'A call or video call between a child and its parents.' })
export class LogParentContactInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  contactedOn?: string | null;

  @Field(() => CallChannel, { description: 'Phone or video.' })
  channel!: CallChannel;

  @Field(() => ParentContacted, { description: 'Which parent.' })
  parent!: ParentContacted;

  @Field(() => ContactArranger, {
    nullable: true,
    description: 'For the federation’s own staff: WOMENS_FEDERATION (the default) or CHILDRENS_HOME. A school’s or a partner’s calls are recorded as theirs.',
  })
  arrangedBy?: ContactArranger | null;

  @Field(() => Int, { nullable: true, description: 'How long, 1 to 600 minutes.' })
  minutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Notes, up to 1,000 characters.' })
  notes?: string | null;
}
