import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ContactFrequency, HelperRole } from './pairing.type';

@InputType({ description: 'Pairs a helper with a child in a programme.' })
export class PairChildInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field({ description: 'Helper’s name.' })
  helperName!: string;

  @Field(() => HelperRole, { description: 'Proxy parent or volunteer.' })
  helperRole!: HelperRole;

  @Field(() => String, { nullable: true, description: 'Helper’s phone.' })
  helperPhone?: string | null;

  @Field(() => String, { nullable: true, description: '单位（职业）: the helper’s employer or occupation, up to 50 characters.' })
  helperOccupation?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Paired since; today when omitted.' })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Paired until, if known.' })
  until?: string | null;

  @Field(() => ContactFrequency, { defaultValue: ContactFrequency.FORTNIGHTLY, description: 'How often in contact.' })
  contactFrequency: ContactFrequency = ContactFrequency.FORTNIGHTLY;
}

@InputType({ description: 'Ends a pairing, with the reason.' })
export class EndPairingInput {
  @Field(() => ID, { description: 'The pairing.' })
  pairingId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is VERSION_CONFLICT and nothing changes.' })
  expectedVersion!: number;

  @Field(() => LocalDate, { nullable: true, description: 'The last day; today when omitted. Not before the pairing began, not in the future.' })
  endedOn?: string | null;

  @Field({ description: 'Why it ends (the child moved, the parents returned, the helper left…), up to 200 characters.' })
  reason!: string;
}
