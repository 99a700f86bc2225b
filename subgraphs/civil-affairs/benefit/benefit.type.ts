import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum BenefitKind {
  MINIMUM_LIVING_ALLOWANCE = 'MINIMUM_LIVING_ALLOWANCE',
  ORPHAN_ALLOWANCE = 'ORPHAN_ALLOWANCE',
  DE_FACTO_UNSUPPORTED_ALLOWANCE = 'DE_FACTO_UNSUPPORTED_ALLOWANCE',
  OTHER = 'OTHER',
}
registerEnumType(BenefitKind, {
  name: 'BenefitKind',
  description: 'Welfare benefits paid for a child.',
  valuesConfig: {
    MINIMUM_LIVING_ALLOWANCE: { description: '低保: the minimum living allowance of the child’s household.' },
    ORPHAN_ALLOWANCE: { description: '孤儿基本生活费: the orphan’s basic living allowance.' },
    DE_FACTO_UNSUPPORTED_ALLOWANCE: { description: '事实无人抚养儿童基本生活补贴: the de-facto unsupported child’s living allowance.' },
    OTHER: { description: 'Another benefit (rehabilitation aid, temporary assistance 临时救助...), named in the description.' },
  },
});

export enum BenefitFrequency {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(BenefitFrequency, { name: 'BenefitFrequency', description: 'How often the amount is paid.' });

@ObjectType({ description: 'A welfare benefit paid for the child: kind, amount, period and the granting body.' })
export class Benefit {
  @Field(() => ID, { description: 'Benefit id.' })
  id!: string;

  @Field(() => BenefitKind, { description: 'Kind of benefit.' })
  kind!: BenefitKind;

  @Field(() => String, { nullable: true, description: 'What it is, for OTHER (and any detail).' })
  description!: string | null;

  @Field(() => Int, { description: 'Amount per payment in fen (分): 62000 is ¥620.00.' })
  amountFen!: number;

  @Field(() => BenefitFrequency, { description: 'How often it is paid.' })
  frequency!: BenefitFrequency;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the period; null while open-ended.' })
  endsOn!: string | null;

  @Field({ description: 'The granting body, e.g. 萧县民政局.' })
  grantedBy!: string;

  @Field({ description: 'True when the period includes today.' })
  active!: boolean;

  @Field(() => Int, { description: 'Version; pass it as expectedVersion to end the benefit.' })
  version!: number;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}
