import { Field, InputType } from 'type-graphql';
import { PartnerType } from './partner.type';

@InputType({ description: 'A new partner organisation.' })
export class CreatePartnerInput {
  @Field({ description: 'Name, 1 to 100 characters.' })
  name!: string;

  @Field(() => PartnerType, { description: 'Kind of organisation.' })
  type!: PartnerType;

  @Field({ description: 'County-level GB/T 2260 code.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  contactPhone?: string | null;
}
