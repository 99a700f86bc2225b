import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from '../../shared/scalars';

// The registry's enums, declared identically here for the school's form (composition merges them).
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: '性别, as on the national ID.' });

export enum GuardianshipForm {
  GRANDPARENTS = 'GRANDPARENTS',
  RELATIVES_OR_FRIENDS = 'RELATIVES_OR_FRIENDS',
  ONE_PARENT = 'ONE_PARENT',
  ALONE = 'ALONE',
  OTHER = 'OTHER',
}
registerEnumType(GuardianshipForm, {
  name: 'GuardianshipForm',
  description: '监护形式: who the child actually lives with.',
  valuesConfig: {
    GRANDPARENTS: { description: '祖辈监护: grandparents.' },
    RELATIVES_OR_FRIENDS: { description: '亲友监护: other relatives or friends.' },
    ONE_PARENT: { description: '父母一方监护: the parent who stayed.' },
    ALONE: { description: '无人监护/独居: the child lives alone. A high-risk flag.' },
    OTHER: { description: 'Any other arrangement.' },
  },
});

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a school’s proposal to file a child stands.',
  valuesConfig: {
    PENDING: { description: '待审核: civil affairs has not decided yet.' },
    ACCEPTED: { description: '已建档: the child is in the registry (filed now, or found already filed).' },
    REJECTED: { description: '未通过: see the reason; propose again with corrected facts if it applies.' },
  },
});

@ObjectType({
  description:
    '建档申报: a school’s proposal to file a child with the registry, reviewed by civil affairs (entry, review, approval). The identity and family ' +
    'facts the school collected are erased here once civil affairs has decided: the registry holds them.',
})
export class ChildProposal {
  @Field(() => ID, { description: 'Proposal id.' })
  id!: string;

  @Field(() => ProposalStatus, { description: 'Where it stands.' })
  status!: ProposalStatus;

  @Field({ description: '姓名.' })
  name!: string;

  @Field(() => Gender, { description: '性别.' })
  gender!: Gender;

  @Field(() => String, { nullable: true, description: '班级.' })
  className!: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When civil affairs decided; null while pending.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s reason (always given for a rejection).' })
  decisionReason!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the registry already held the child: nothing was filed twice.' })
  alreadyRegistered!: boolean | null;
}
