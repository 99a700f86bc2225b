import { Field, InputType } from 'type-graphql';
import { SchoolType } from './school.type';

@InputType({ description: 'A new school.' })
export class CreateSchoolInput {
  @Field({ description: 'School name, 1 to 100 characters.' })
  name!: string;

  @Field({ description: 'County-level GB/T 2260 code.' })
  regionCode!: string;

  @Field(() => SchoolType, { description: 'Kind of school.' })
  type!: SchoolType;

  @Field({ defaultValue: false, description: 'True for a boarding school.' })
  boarding: boolean = false;
}
