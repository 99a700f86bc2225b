import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: '儿童之家: a children’s home where children spend after-school hours and holidays, with its manager (seeds 001 and 003).' })
export class ChildrensHome {
  @Field(() => ID, { description: 'Children’s home id.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'County-level GB/T 2260 code.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village or school where it is.' })
  village!: string | null;

  @Field({ description: 'The manager (管理人员).' })
  managerName!: string;

  @Field(() => String, { nullable: true, description: 'The manager’s phone.' })
  managerPhone!: string | null;

  @Field(() => LocalDate, { description: 'Opened.' })
  openedOn!: string;
}
