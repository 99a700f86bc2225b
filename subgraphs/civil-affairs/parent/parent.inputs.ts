import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A parent’s whereabouts. Omitted fields are cleared.' })
export class ParentInput {
  @Field(() => String, { nullable: true, description: '姓名.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Place of work.' })
  workPlace?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Since when working outside the county; null when at home.' })
  awaySince?: string | null;

  @Field({ defaultValue: false, description: 'True when the parent cannot guard the child.' })
  unableToGuard: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why the parent cannot guard the child.' })
  unableReason?: string | null;
}
