import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: 'A parent and where they are: the facts the left-behind classification is derived from.' })
export class Parent {
  @Field(() => String, { nullable: true, description: '姓名.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (联系电话).' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Place of work (务工地点).' })
  workPlace!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Since when the parent has worked outside the county; null when at home.',
  })
  awaySince!: string | null;

  @Field({ description: 'True when the parent cannot guard the child (illness, disability, detention, death...).' })
  unableToGuard!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the parent cannot guard the child.' })
  unableReason!: string | null;
}
