import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessLogEntry } from '../../shared/audit/access-log.type';
import { LocalDate } from '../../shared/scalars';
import { ArchiveReason } from '../review/review.type';
import { Gender } from '../../shared/registry-enums';

export { Gender };

export enum ChildStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ChildStatus, {
  name: 'ChildStatus',
  description: 'Whether the file is in use. Files are archived with a reason, never deleted.',
  valuesConfig: {
    ACTIVE: { description: 'The child is in the registry’s care.' },
    ARCHIVED: { description: 'No longer qualifies (turned 16 or 18, parents returned, moved away): kept, readable to supervisors only, on no working list.' },
  },
});

export enum AgeBand {
  UNDER_6 = 'UNDER_6',
  AGE_6_TO_11 = 'AGE_6_TO_11',
  AGE_12_TO_14 = 'AGE_12_TO_14',
  AGE_15_TO_17 = 'AGE_15_TO_17',
  ADULT = 'ADULT',
}
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'Age band, following the school stages; shown where the exact age is not.',
  valuesConfig: {
    UNDER_6: { description: 'Under 6: pre-school (学龄前).' },
    AGE_6_TO_11: { description: '6 to 11: primary school age (小学).' },
    AGE_12_TO_14: { description: '12 to 14: junior middle school age (初中).' },
    AGE_15_TO_17: { description: '15 to 17: senior middle school age (高中).' },
    ADULT: { description: '18 or over: no longer a minor; the file should be archived.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A child in the registry (留守儿童 or 困境儿童), owned by civil affairs. Education and the women’s federation add their own fields. ' +
    'A field the caller’s scopes do not open comes back null with an UNAUTHORIZED_FIELD_OR_TYPE error, so all but the masked fields are nullable.',
})
export class Child {
  @Field(() => ID, { description: 'Registry id (UUID), the same in every agency.' })
  id!: string;

  @Field({ nullable: true, description: '姓名: full name.' })
  name!: string;

  @Field(() => Gender, { nullable: true, description: '性别.' })
  gender!: Gender;

  @Field(() => LocalDate, { nullable: true, description: '出生日期: exact birth date.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: '民族: ethnicity, e.g. 汉族, 苗族.' })
  ethnicity!: string | null;

  @Field({ nullable: true, description: '户籍地: household registration region, a GB/T 2260 county-level code.' })
  householdRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village (村/居) of household registration.' })
  householdVillage!: string | null;

  @Field(() => String, { nullable: true, description: '户籍地 township (乡镇): its 9-digit code; null where only the county is known.' })
  householdTownshipCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Village of household registration as its 12-digit statistical code (统计用区划代码: the township’s 9 digits and 3); null when unknown.',
  })
  householdVillageCode!: string | null;

  @Field({ nullable: true, description: 'Current residence region, a GB/T 2260 county-level code.' })
  residenceRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village (村/居) where the child now lives.' })
  residenceVillage!: string | null;

  @Field(() => String, { nullable: true, description: 'Township (乡镇) where the child now lives: its 9-digit code; null where only the county is known.' })
  residenceTownshipCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Village where the child now lives, as its 12-digit statistical code; null when unknown.' })
  residenceVillageCode!: string | null;

  @Field(() => ChildStatus, { nullable: true, description: 'Whether the file is active or archived.' })
  status!: ChildStatus;

  @Field(() => String, { nullable: true, description: 'The note given when the file was last archived or reactivated.' })
  statusReason!: string | null;

  @Field(() => ArchiveReason, { nullable: true, description: 'Why the file is archived; null while it is active.' })
  archiveReason!: ArchiveReason | null;

  @Field(() => Date, { nullable: true, description: 'When the latest review (复核) was recorded (files are refreshed at least every 3 months).' })
  lastReviewedAt!: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day of the latest review (or archiving); null until the first.' })
  lastReviewedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the latest review (the user id from the identity provider).' })
  lastReviewedBy!: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the record; pass it as expectedVersion when updating.' })
  version!: number;

  @Field({ nullable: true, description: 'When the child was registered.' })
  createdAt!: Date;

  @Field({ nullable: true, description: 'When the record last changed.' })
  updatedAt!: Date;

  // The other agencies' access logs, resolved by them and required by accessLog; not in the public API.
  @Directive('@external')
  @Field(() => [AccessLogEntry], { nullable: true, description: 'Education’s access-log entries about the child.' })
  educationAccessLog?: AccessLogEntry[] | null;

  @Directive('@external')
  @Field(() => [AccessLogEntry], { nullable: true, description: 'The women’s federation’s access-log entries about the child.' })
  womensFederationAccessLog?: AccessLogEntry[] | null;
}
