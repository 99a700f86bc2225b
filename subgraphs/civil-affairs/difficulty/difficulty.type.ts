import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum DifficultyCategory {
  ORPHAN = 'ORPHAN',
  DE_FACTO_UNSUPPORTED = 'DE_FACTO_UNSUPPORTED',
  HIV_AFFECTED = 'HIV_AFFECTED',
  SEVERE_DISABILITY = 'SEVERE_DISABILITY',
  SEVERE_ILLNESS = 'SEVERE_ILLNESS',
  LOW_INCOME_FAMILY = 'LOW_INCOME_FAMILY',
  HARMED_BY_GUARDIAN = 'HARMED_BY_GUARDIAN',
  STREET_CHILD = 'STREET_CHILD',
  EMERGENCY_OR_ACCIDENT = 'EMERGENCY_OR_ACCIDENT',
}
registerEnumType(DifficultyCategory, {
  name: 'DifficultyCategory',
  description:
    '困境儿童的类别 (seed 004 二(一)): children whose family’s poverty, own disability, or missing or improper guardianship makes life, ' +
    'treatment, schooling or safety hard. A child may meet several; a left-behind child who meets one counts under both (纳入困境儿童保障范围).',
  valuesConfig: {
    ORPHAN: { description: '孤儿: both parents have died, or been declared dead or missing by a court.' },
    DE_FACTO_UNSUPPORTED: {
      description: '事实无人抚养儿童: the parents are severely disabled or ill, imprisoned, missing or otherwise cannot raise the child, and no one else does.',
    },
    HIV_AFFECTED: { description: '艾滋病病毒感染儿童: the child lives with HIV.' },
    SEVERE_DISABILITY: { description: '重残儿童: a severe disability (certificate grade 1 or 2) needing rehabilitation, care and nursing.' },
    SEVERE_ILLNESS: { description: '重病儿童: a serious illness whose treatment the family cannot bear.' },
    LOW_INCOME_FAMILY: { description: '贫困家庭儿童: the family receives the minimum living allowance (低保) or is registered as poor (建档立卡贫困户).' },
    HARMED_BY_GUARDIAN: { description: '受监护人侵害儿童: abused, abandoned or neglected by its guardian.' },
    STREET_CHILD: { description: '流浪儿童: living on the streets without care.' },
    EMERGENCY_OR_ACCIDENT: { description: '遭遇突发事件和意外伤害的儿童: harmed by an emergency or an accident.' },
  },
});

export enum DifficultySource {
  MINIMUM_LIVING_RECORDS = 'MINIMUM_LIVING_RECORDS',
  POVERTY_RECORDS = 'POVERTY_RECORDS',
  DISABILITY_RECORDS = 'DISABILITY_RECORDS',
  MEDICAL_RECORDS = 'MEDICAL_RECORDS',
  ORPHAN_RECORDS = 'ORPHAN_RECORDS',
  POLICE_OR_COURT = 'POLICE_OR_COURT',
  SWEEP = 'SWEEP',
  OTHER = 'OTHER',
}
registerEnumType(DifficultySource, {
  name: 'DifficultySource',
  description: 'Where the category was established: the records it was matched against, or how it was found.',
  valuesConfig: {
    MINIMUM_LIVING_RECORDS: { description: 'Matched against the minimum-living-allowance (低保) records.' },
    POVERTY_RECORDS: { description: 'Matched against the registered-poor-household (建档立卡) records.' },
    DISABILITY_RECORDS: { description: 'Matched against the disability certificates (残疾人证) of the disabled persons’ federation.' },
    MEDICAL_RECORDS: { description: 'A hospital diagnosis.' },
    ORPHAN_RECORDS: { description: 'The orphan and de-facto unsupported child determinations (孤儿、事实无人抚养儿童认定).' },
    POLICE_OR_COURT: { description: 'A police or court finding.' },
    SWEEP: { description: 'Found in a sweep or home visit (排查、家访).' },
    OTHER: { description: 'Another source, named in the basis.' },
  },
});

@ObjectType({ description: 'A difficult-circumstance category (困境儿童类别) a child meets, on what basis, from which source, for which period.' })
export class DifficultCircumstance {
  @Field(() => ID, { description: 'Record id.' })
  id!: string;

  @Field(() => DifficultyCategory, { description: 'The category.' })
  category!: DifficultyCategory;

  @Field({ description: '认定依据: the basis, e.g. the allowance certificate number or the diagnosis.' })
  basis!: string;

  @Field(() => DifficultySource, { description: 'Where it was established.' })
  source!: DifficultySource;

  @Field(() => LocalDate, { description: 'First day the category holds.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it holds; null while open-ended.' })
  endsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended.' })
  endReason!: string | null;

  @Field({ description: 'True when the category holds today.' })
  holdsToday!: boolean;

  @Field(() => Int, { description: 'Version; pass it as expectedVersion to end the record.' })
  version!: number;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}
