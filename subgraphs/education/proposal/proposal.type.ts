import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from '../../shared/scalars';
import { Gender, GuardianshipForm } from '../../shared/registry-enums';

export { Gender, GuardianshipForm };

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
