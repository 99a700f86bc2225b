import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A pupil’s file re-checked in the term’s sweep.' })
export class RecordFileCheckInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted. The term is the one this date falls in.' })
  checkedOn?: string | null;

  @Field({ description: 'Who checked.' })
  checkedBy!: string;

  @Field(() => String, { nullable: true, description: 'What changed or needs following up, up to 2,000 characters.' })
  findings?: string | null;
}
