import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LeftBehindType {
  NONE = 'NONE',
  ONE_PARENT_AWAY = 'ONE_PARENT_AWAY',
  BOTH_PARENTS_AWAY = 'BOTH_PARENTS_AWAY',
}
registerEnumType(LeftBehindType, {
  name: 'LeftBehindType',
  description: 'How many parents work away: outside the county for at least 3 consecutive months (外出务工).',
});

@ObjectType({
  description: 'The left-behind classification, derived from the parents’ facts and the child’s age each time it is read (never stored).',
})
export class LeftBehindClassification {
  @Field(() => LeftBehindType, { description: 'How many parents have worked outside the county for 3 months or more.' })
  type!: LeftBehindType;

  @Field({ description: 'One parent is away and the other cannot guard the child (另一方无监护能力).' })
  otherParentUnableToGuard!: boolean;

  @Field({
    description: 'Counts as a left-behind child (留守儿童) under the national definition: under 16, both parents away, or one away and the other unable.',
  })
  isLeftBehind!: boolean;

  @Field(() => Int, {
    description: 'The national student-status system’s flag: 0 none, 1 one parent away, 2 both parents away.',
  })
  studentStatusFlag!: number;
}
