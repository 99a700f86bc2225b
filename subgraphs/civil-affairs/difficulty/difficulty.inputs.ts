import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { DifficultyCategory, DifficultySource } from './difficulty.type';

@InputType({ description: 'A difficult-circumstance category the child meets.' })
export class DifficultCircumstanceInput {
  @Field(() => DifficultyCategory, { description: 'The category.' })
  category!: DifficultyCategory;

  @Field({ description: '认定依据, 1 to 500 characters: the certificate, record or finding it rests on.' })
  basis!: string;

  @Field(() => DifficultySource, { description: 'Where it was established.' })
  source!: DifficultySource;

  @Field(() => LocalDate, { description: 'First day it holds; not in the future.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it holds, when known (e.g. the allowance’s end); not before startsOn.' })
  endsOn?: string | null;
}

@InputType({ description: 'A difficult-circumstance category of a registered child.' })
export class RecordDifficultCircumstanceInput extends DifficultCircumstanceInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;
}
