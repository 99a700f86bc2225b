import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ContactChannel } from '../care-record/care-record.type';

export enum RiskLevel {
  NONE = 'NONE',
  MILD = 'MILD',
  MODERATE = 'MODERATE',
  SERIOUS = 'SERIOUS',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'The risk a screening found.',
  valuesConfig: {
    NONE: { description: 'No concern.' },
    MILD: { description: '轻度: watch.' },
    MODERATE: { description: '中度: counselling.' },
    SERIOUS: { description: '严重心理健康问题: the parents or guardian must be contacted within the deadline (seed 002).' },
  },
});

export enum InterventionKind {
  INDIVIDUAL_COUNSELLING = 'INDIVIDUAL_COUNSELLING',
  GROUP_COUNSELLING = 'GROUP_COUNSELLING',
  REFERRAL = 'REFERRAL',
  OTHER = 'OTHER',
}
registerEnumType(InterventionKind, {
  name: 'InterventionKind',
  description: 'What kind of help.',
  valuesConfig: {
    INDIVIDUAL_COUNSELLING: { description: '个体心理辅导.' },
    GROUP_COUNSELLING: { description: '团体心理辅导.' },
    REFERRAL: { description: 'Referred to a hospital or a specialist.' },
    OTHER: { description: 'Other.' },
  },
});

@ObjectType({ description: '心理健康排查: a psychological screening, the instrument used and the risk it found.' })
export class WellbeingScreening {
  @Field(() => ID, { description: 'Screening id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When.' })
  screenedOn!: string;

  @Field({ description: 'The instrument, e.g. MHT (心理健康诊断测验), SDQ, or an interview.' })
  instrument!: string;

  @Field(() => RiskLevel, { description: 'The risk found.' })
  riskLevel!: RiskLevel;

  @Field({ description: 'Who screened (the school counsellor).' })
  screenedBy!: string;

  @Field(() => String, { nullable: true, description: 'The counsellor’s notes.' })
  notes!: string | null;
}

@ObjectType({ description: '干预辅导: counselling, group work or a referral.' })
export class WellbeingIntervention {
  @Field(() => ID, { description: 'Intervention id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'Started.' })
  startedOn!: string;

  @Field(() => InterventionKind, { description: 'What kind.' })
  kind!: InterventionKind;

  @Field({ description: 'Who provides it.' })
  providedBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The screening it responds to, if any.' })
  screeningId!: string | null;
}

@ObjectType({ description: 'A contact with the parents or guardian about a screening’s finding.' })
export class WellbeingContact {
  @Field(() => ID, { description: 'Contact id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When.' })
  contactedOn!: string;

  @Field({ description: 'Who was reached.' })
  contactedName!: string;

  @Field({ description: 'Their relationship to the child (父亲, 祖母, 受委托监护人…).' })
  relationship!: string;

  @Field(() => ContactChannel, { description: 'How.' })
  channel!: ContactChannel;

  @Field({ description: 'Who made the contact.' })
  contactedBy!: string;

  @Field(() => String, { nullable: true, description: 'What was said and agreed.' })
  notes!: string | null;
}
