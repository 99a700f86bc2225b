import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A child in the registry; education adds enrolment, care, talks, attendance and dropout, home visits, tutoring, wellbeing, aid and file checks.',
})
export class Child {
  @Field(() => ID, { description: 'Registry id (UUID), the same in every agency.' })
  id!: string;
}
