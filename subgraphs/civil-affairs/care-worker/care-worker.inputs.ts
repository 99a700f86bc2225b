import { Field, InputType } from 'type-graphql';
import { CareWorkerRole } from './care-worker.type';

@InputType({ description: 'A child director or supervisor joining the registry.' })
export class RegisterCareWorkerInput {
  @Field(() => CareWorkerRole, { description: 'Director (village) or supervisor (township).' })
  role!: CareWorkerRole;

  @Field({ description: '姓名, 1 to 50 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  phone?: string | null;

  @Field({ description: 'The township served: 9-digit code.' })
  townshipCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a director, the village served: 12-digit statistical code within the township. Omit for a supervisor.',
  })
  villageCode?: string | null;

  @Field(() => String, { nullable: true, description: 'For a director, the village’s name.' })
  villageName?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The person’s user id (`sub`) at the identity provider. With it, their token reaches the children they are put in charge of, wherever those live.',
  })
  subject?: string | null;
}
