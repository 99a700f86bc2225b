import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { ShareableCategory } from './consent.type';

@InputType({ description: 'A guardian’s consent, as recorded by a women’s-federation officer.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The partner organisation.' })
  partnerId!: string;

  @Field({ description: 'County-level GB/T 2260 code of the recording office (within your jurisdiction).' })
  regionCode!: string;

  @Field({ description: 'The guardian’s name, 1 to 50 characters.' })
  guardianName!: string;

  @Field({ description: 'The guardian’s relationship to the child, 1 to 30 characters.' })
  guardianRelationship!: string;

  @Field(() => [ShareableCategory], { description: 'The categories to open; at least one.' })
  categories!: ShareableCategory[];

  @Field({ description: 'The purpose, one of those in docs/access-control.md.' })
  purpose!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day given; today when omitted.' })
  givenOn?: string | null;

  @Field(() => LocalDate, { description: 'Last day it holds; at most two years after it is given.' })
  expiresOn!: string;
}
