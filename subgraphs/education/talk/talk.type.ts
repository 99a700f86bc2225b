import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: '谈心谈话: a talk with the child; one is due every two weeks.' })
export class Talk {
  @Field(() => ID, { description: 'Talk id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When the talk was held.' })
  heldOn!: string;

  @Field({ description: 'Who talked with the child.' })
  heldBy!: string;

  @Field(() => String, { nullable: true, description: 'What was said and agreed.' })
  summary!: string | null;
}
