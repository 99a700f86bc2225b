import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO, LocalDate } from '../../shared/scalars';
import { Gender } from '../child/child.type';
import { GuardianshipForm } from '../guardianship/guardianship.type';

export enum ProposalDecision {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ProposalDecision, {
  name: 'ProposalDecision',
  description: 'Civil affairs’ decision on a school’s proposal (审批).',
  valuesConfig: {
    ACCEPTED: { description: 'Filed: the child is registered now, or was already (linked, never filed twice).' },
    REJECTED: { description: 'Not filed, for the reason given.' },
  },
});

/** A school, owned by education; here only its id, for the gateway to resolve. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'A school, owned by education.' })
export class School {
  @Field(() => ID, { description: 'School id (UUID).' })
  id!: string;
}

@ObjectType({ description: '实际监护人: the guardian and guardianship form, as the school recorded them.' })
export class ProposedGuardian {
  @Field(() => GuardianshipForm, { description: '监护形式.' })
  form!: GuardianshipForm;

  @Field(() => String, { nullable: true, description: '姓名.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: '与学生的关系.' })
  relationship!: string | null;

  @Field(() => String, { nullable: true, description: '联系电话.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: '详细地址.' })
  address!: string | null;
}

@ObjectType({
  description: '建档申报 (待审核): a school’s proposal to file a child, awaiting civil affairs’ review, with the facts of the registration form (seed 003).',
})
export class ChildProposalForReview {
  @Field(() => ID, { description: 'Proposal id.' })
  id!: string;

  @Field({ description: '姓名.' })
  name!: string;

  @Field(() => Gender, { description: '性别.' })
  gender!: Gender;

  @Field(() => LocalDate, { description: '出生日期.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: '民族.' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: '居民身份证号, as the school collected it.' })
  nationalId!: string | null;

  @Field({ description: '户籍地 county code.' })
  householdRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of household registration.' })
  householdVillage!: string | null;

  @Field({ description: 'Residence county code.' })
  residenceRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of residence.' })
  residenceVillage!: string | null;

  @Field(() => String, { nullable: true, description: '班级.' })
  className!: string | null;

  @Field(() => String, { nullable: true, description: '关注的主要问题: the main concerns the school noted.' })
  concerns!: string | null;

  @Field(() => DateTimeISO, { description: 'When the school proposed the child.' })
  submittedAt!: Date;
}

@ObjectType({ description: '审核结果: civil affairs’ decision on a school’s proposal, as sent back to the school.' })
export class ChildProposalReview {
  @Field(() => ID, { description: 'The proposal reviewed.' })
  proposalId!: string;

  @Field(() => ProposalDecision, { description: 'Accepted or rejected.' })
  decision!: ProposalDecision;

  @Field({ description: 'True when the registry already held the child: nothing was filed twice.' })
  alreadyRegistered!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, in the reviewer’s words.' })
  reason!: string | null;

  @Field(() => DateTimeISO, { description: 'When.' })
  reviewedAt!: Date;
}
