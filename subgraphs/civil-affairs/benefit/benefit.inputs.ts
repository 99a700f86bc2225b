import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { BenefitFrequency, BenefitKind } from './benefit.type';

@InputType({ description: 'A benefit paid for a child.' })
export class RecordBenefitInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => BenefitKind, { description: 'Kind of benefit.' })
  kind!: BenefitKind;

  @Field(() => String, { nullable: true, description: 'What it is; required for OTHER. Up to 200 characters.' })
  description?: string | null;

  @Field(() => Int, { description: 'Amount per payment in fen (分), 1 to 100,000,000.' })
  amountFen!: number;

  @Field(() => BenefitFrequency, { description: 'How often it is paid.' })
  frequency!: BenefitFrequency;

  @Field(() => LocalDate, { description: 'First day of the period; not in the future.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day, when known; not before startsOn.' })
  endsOn?: string | null;

  @Field({ description: 'The granting body, 1 to 100 characters.' })
  grantedBy!: string;
}
