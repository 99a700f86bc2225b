import { Field, InputType, Int } from 'type-graphql';
import { TermSeason } from './term.type';

@InputType({ description: 'A school term.' })
export class TermInput {
  @Field(() => Int, { description: 'The calendar year the term starts in, 2000 to 2100.' })
  year!: number;

  @Field(() => TermSeason, { description: 'Spring or autumn.' })
  season!: TermSeason;
}
