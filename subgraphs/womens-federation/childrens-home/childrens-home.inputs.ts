import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A new children’s home.' })
export class CreateChildrensHomeInput {
  @Field({ description: 'Name, 1 to 100 characters.' })
  name!: string;

  @Field({ description: 'County-level GB/T 2260 code (in your jurisdiction).' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village or school where it is.' })
  village?: string | null;

  @Field({ description: 'The manager.' })
  managerName!: string;

  @Field(() => String, { nullable: true, description: 'The manager’s phone.' })
  managerPhone?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Opened; today when omitted.' })
  openedOn?: string | null;
}
