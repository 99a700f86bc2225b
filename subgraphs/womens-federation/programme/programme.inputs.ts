import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ProgrammeKind } from './programme.type';

@InputType({ description: 'A new programme of a partner.' })
export class CreateProgrammeInput {
  @Field(() => ID, { description: 'The partner running it.' })
  partnerId!: string;

  @Field({ description: 'Name, 1 to 100 characters.' })
  name!: string;

  @Field(() => ProgrammeKind, { description: 'What the programme does.' })
  kind!: ProgrammeKind;

  @Field({ description: 'County-level GB/T 2260 code where it runs.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Township (乡镇) where it runs: 9-digit code within regionCode; omit for a county-wide programme.' })
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village (村/居) where it runs, by name; up to 100 characters.' })
  village?: string | null;

  @Field(() => LocalDate, { description: 'First day.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day, if known.' })
  endsOn?: string | null;
}
