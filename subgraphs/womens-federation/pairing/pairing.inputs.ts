import { Field, ID, InputType } from 'type-graphql';
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

  @Field(() => LocalDate, { nullable: true, description: 'Paired since; today when omitted.' })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Paired until, if known.' })
  until?: string | null;

  @Field(() => ContactFrequency, { defaultValue: ContactFrequency.FORTNIGHTLY, description: 'How often in contact.' })
  contactFrequency: ContactFrequency = ContactFrequency.FORTNIGHTLY;
}
