import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A child in the registry; the women’s federation adds its pairings, activity attendance and parent contacts.' })
export class Child {
  @Field(() => ID, { description: 'Registry id (UUID), the same in every agency.' })
  id!: string;
}
