import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A talk held with a child.' })
export class LogTalkInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was held; today when omitted.' })
  heldOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who talked with the child: the care-responsible person when omitted, or a named colleague (e.g. the counsellor or the head teacher).',
  })
  heldBy?: string | null;

  @Field(() => String, { nullable: true, description: 'What was said and agreed, up to 2,000 characters.' })
  summary?: string | null;
}
