import { Field, InputType } from 'type-graphql';
import { GuardianCapacity, GuardianshipForm } from './guardianship.type';

@InputType({ description: 'A guardianship as found by the township or village; replaces the previous one.' })
export class GuardianshipInput {
  @Field(() => GuardianshipForm, { description: '监护形式.' })
  form!: GuardianshipForm;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s name.' })
  guardianName?: string | null;

  @Field(() => String, { nullable: true, description: 'Relationship to the child.' })
  guardianRelationship?: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s phone.' })
  guardianPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s address.' })
  guardianAddress?: string | null;

  @Field(() => GuardianCapacity, { nullable: true, description: 'Whether the guardian can look after the child.' })
  guardianCapacity?: GuardianCapacity | null;
}
