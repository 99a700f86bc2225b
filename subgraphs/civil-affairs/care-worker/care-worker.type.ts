import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum CareWorkerRole {
  CHILD_DIRECTOR = 'CHILD_DIRECTOR',
  CHILD_SUPERVISOR = 'CHILD_SUPERVISOR',
}
registerEnumType(CareWorkerRole, {
  name: 'CareWorkerRole',
  description: 'The grass-roots child-welfare posts civil affairs appoints.',
  valuesConfig: {
    CHILD_DIRECTOR: { description: '儿童主任: serves one village (村/居), knows its children and records their facts.' },
    CHILD_SUPERVISOR: { description: '儿童督导员: serves a township (乡镇) and supervises its child directors.' },
  },
});

@ObjectType({
  description:
    'A child director (village) or child supervisor (township): a person the registry knows, who may record the facts of the children in their charge.',
})
export class CareWorker {
  @Field(() => ID, { description: 'Care worker id.' })
  id!: string;

  @Field(() => CareWorkerRole, { description: 'Director (village) or supervisor (township).' })
  role!: CareWorkerRole;

  @Field({ description: '姓名.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work phone, as posted in the village.' })
  phone!: string | null;

  @Field({ description: 'The township (乡镇) served: 9-digit code.' })
  townshipCode!: string;

  @Field(() => String, { nullable: true, description: 'The village a director serves: 12-digit statistical code; null for a supervisor.' })
  villageCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The village’s name; null for a supervisor.' })
  villageName!: string | null;
}
