import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

/**
 * The data categories a guardian may open to a partner NGO. Nothing else can be consented to:
 * identity, contacts, family, welfare, protection and wellbeing data never go to partners.
 */
export enum ShareableCategory {
  CHILD_MASKED = 'child:masked',
  WF_PROGRAMMES = 'wf:programmes',
}
registerEnumType(ShareableCategory, {
  name: 'ShareableCategory',
  description: 'A data category a guardian may share with a partner NGO.',
  valuesConfig: {
    CHILD_MASKED: { description: 'child:masked — registry id, masked name and age band.' },
    WF_PROGRAMMES: { description: 'wf:programmes — the child’s pairings and programmes.' },
  },
});

@ObjectType({ description: '监护人同意: a guardian’s consent to share a child’s data with a partner NGO, for one purpose, until it expires or is revoked.' })
export class Consent {
  @Field(() => ID, { description: 'Consent id.' })
  id!: string;

  @Field(() => ID, { description: 'The partner organisation the data may go to.' })
  partnerId!: string;

  @Field({ description: 'County-level GB/T 2260 code of the office that recorded it.' })
  regionCode!: string;

  @Field({ description: 'The guardian who gave it.' })
  guardianName!: string;

  @Field({ description: 'The guardian’s relationship to the child, e.g. 祖父.' })
  guardianRelationship!: string;

  @Field(() => [ShareableCategory], { description: 'The categories it opens.' })
  categories!: ShareableCategory[];

  @Field({ description: 'The one purpose it is given for (see docs/access-control.md).' })
  purpose!: string;

  @Field(() => LocalDate, { description: 'Day it was given.' })
  givenOn!: string;

  @Field(() => LocalDate, { description: 'Last day it holds.' })
  expiresOn!: string;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null unless revoked.' })
  revokedAt!: Date | null;
}
