import { Field, ID, InputType } from 'type-graphql';
import { ProposalDecision } from './proposal.type';

@InputType({ description: 'Civil affairs’ decision on a school’s proposal.' })
export class ReviewChildProposalInput {
  @Field(() => ID, { description: 'The pending proposal.' })
  proposalId!: string;

  @Field(() => ProposalDecision, { description: 'ACCEPTED files the child (or finds it filed); REJECTED files nothing.' })
  decision!: ProposalDecision;

  @Field(() => String, { nullable: true, description: 'Why, up to 500 characters; required for a rejection.' })
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'With ACCEPTED: the child already in the registry this proposal is about (for a child without a national ID the registry could match).',
  })
  existingChildId?: string | null;
}
