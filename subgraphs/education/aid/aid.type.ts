import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum AidKind {
  BOARDING_LIVING_ALLOWANCE = 'BOARDING_LIVING_ALLOWANCE',
  FREE_TEXTBOOKS = 'FREE_TEXTBOOKS',
  MEAL_FEE_WAIVER = 'MEAL_FEE_WAIVER',
  BOARDING_FEE_WAIVER = 'BOARDING_FEE_WAIVER',
  AFTER_SCHOOL_FEE_WAIVER = 'AFTER_SCHOOL_FEE_WAIVER',
  NUTRITION_PROGRAMME = 'NUTRITION_PROGRAMME',
}
registerEnumType(AidKind, {
  name: 'AidKind',
  description: 'Kinds of student aid (学生资助, seeds 001, 002 and 004).',
  valuesConfig: {
    BOARDING_LIVING_ALLOWANCE: { description: '寄宿生生活费补助 (boarders only).' },
    FREE_TEXTBOOKS: { description: '免费教科书.' },
    MEAL_FEE_WAIVER: { description: '减免餐费.' },
    BOARDING_FEE_WAIVER: { description: '减免住宿费 (boarders only).' },
    AFTER_SCHOOL_FEE_WAIVER: { description: '免收课后服务费.' },
    NUTRITION_PROGRAMME: { description: '农村义务教育学生营养改善计划.' },
  },
});

@ObjectType({ description: '资助: one kind of aid granted to the pupil for one term.' })
export class AidGrant {
  @Field(() => ID, { description: 'Grant id.' })
  id!: string;

  @Field(() => AidKind, { description: 'What kind.' })
  kind!: AidKind;

  @Field(() => Float, { nullable: true, description: 'Amount in yuan, where the aid is money.' })
  amount!: number | null;

  @Field(() => LocalDate, { description: 'When granted.' })
  grantedOn!: string;
}
