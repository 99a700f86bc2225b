import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A talk held with a child.' })
export class LogTalkInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was held; today when omitted.' })
  heldOn?: string | null;

  @Field({ description: 'Who talked with the child.' })
  heldBy!: string;

  @Field(() => String, { nullable: true, description: 'What was said and agreed, up to 2,000 characters.' })
  summary?: string | null;
}
