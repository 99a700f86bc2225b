import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

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

export enum GuardianCapacity {
  CAPABLE = 'CAPABLE',
  LIMITED = 'LIMITED',
  UNABLE = 'UNABLE',
}
registerEnumType(GuardianCapacity, {
  name: 'GuardianCapacity',
  description: 'Whether the entrusted guardian can look after the child (监护能力).',
  valuesConfig: {
    CAPABLE: { description: 'Able to guard the child.' },
    LIMITED: { description: 'Able only in part (age, health); needs support.' },
    UNABLE: { description: 'Unable: the parents must be told to re-entrust the child.' },
  },
});

@ObjectType({ description: 'Who actually looks after the child: the guardianship form and the entrusted guardian (受委托监护人).' })
export class Guardianship {
  @Field(() => GuardianshipForm, { description: '监护形式.' })
  form!: GuardianshipForm;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s name.' })
  guardianName!: string | null;

  @Field(() => String, { nullable: true, description: 'Relationship to the child, e.g. 祖父, 外婆, 姑妈.' })
  guardianRelationship!: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s phone.' })
  guardianPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s address.' })
  guardianAddress!: string | null;

  @Field(() => GuardianCapacity, { nullable: true, description: 'Whether the guardian can look after the child.' })
  guardianCapacity!: GuardianCapacity | null;

  @Field({ description: 'True when the child lives alone (ALONE): a high-risk flag.' })
  livingAlone!: boolean;

  @Field({ description: 'When this guardianship was recorded.' })
  recordedAt!: Date;

  @Field(() => Int, { description: 'Version; pass it as expectedVersion to change the guardianship.' })
  version!: number;
}
