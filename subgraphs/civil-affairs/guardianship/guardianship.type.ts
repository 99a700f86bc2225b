import { Field, Int, ObjectType } from 'type-graphql';
import { GuardianCapacity, GuardianshipForm } from '../child/child.enums';

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
