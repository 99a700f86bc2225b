import { Field, InputType } from 'type-graphql';
import { SchoolType } from './school.type';

@InputType({ description: 'A new school.' })
export class CreateSchoolInput {
  @Field({ description: 'School name, 1 to 100 characters.' })
  name!: string;

  @Field({ description: 'County-level GB/T 2260 code.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Township (乡镇): 9-digit code within regionCode.' })
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village (村/居) or community, by name; up to 100 characters.' })
  village?: string | null;

  @Field(() => SchoolType, { description: 'Kind of school.' })
  type!: SchoolType;

  @Field({ defaultValue: false, description: 'True for a boarding school.' })
  boarding: boolean = false;
}
