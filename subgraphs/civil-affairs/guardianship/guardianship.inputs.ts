import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { GuardianCapacity, GuardianshipForm } from './guardianship.type';

@InputType({ description: 'A guardianship as found by the township or village; becomes the current one, the previous one stays in the history.' })
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

  @Field(() => GuardianCapacity, {
    nullable: true,
    description: 'Whether the guardian can look after the child. UNABLE opens a re-entrustment notice; CAPABLE closes an open one.',
  })
  guardianCapacity?: GuardianCapacity | null;

  @Field(() => LocalDate, { nullable: true, description: 'Since when the arrangement holds; today when omitted. Not in the future.' })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the parents told the village committee of the entrustment (告知), if they have.' })
  reportedToVillageOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the parents told the school of the entrustment, if they have.' })
  reportedToSchoolOn?: string | null;
}
