import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { TermInput } from '../term/term.inputs';
import { AidKind } from './aid.type';

@InputType({ description: 'Aid granted to a pupil for a term.' })
export class GrantAidInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => TermInput, { description: 'The term.' })
  term!: TermInput;

  @Field(() => AidKind, { description: 'What kind; boarders’ aid only for a pupil who boards.' })
  kind!: AidKind;

  @Field(() => Float, { nullable: true, description: 'Amount in yuan, 0 to 99,999,999.99.' })
  amount?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'When granted; today when omitted.' })
  grantedOn?: string | null;
}
