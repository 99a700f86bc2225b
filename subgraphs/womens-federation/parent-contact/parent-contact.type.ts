import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum CallChannel {
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}
registerEnumType(CallChannel, { name: 'CallChannel', description: 'How the child and its parents talked: 亲情电话 or a video call.' });

export enum ParentContacted {
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  BOTH = 'BOTH',
}
registerEnumType(ParentContacted, { name: 'ParentContacted', description: 'Which parent the child talked with.' });

export enum ContactArranger {
  SCHOOL = 'SCHOOL',
  WOMENS_FEDERATION = 'WOMENS_FEDERATION',
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  PARTNER = 'PARTNER',
}
registerEnumType(ContactArranger, {
  name: 'ContactArranger',
  description: 'Who arranged the call: the school (亲情电话室), the women’s federation, a children’s home, or a partner NGO.',
});

@ObjectType({ description: '亲情电话: a call or video call between the child and its parents (seed 002: 定期组织…与父母连线交流).' })
export class ParentContact {
  @Field(() => ID, { description: 'Contact id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When.' })
  contactedOn!: string;

  @Field(() => CallChannel, { description: 'Phone or video.' })
  channel!: CallChannel;

  @Field(() => ParentContacted, { description: 'Which parent.' })
  parent!: ParentContacted;

  @Field(() => ContactArranger, { description: 'Who arranged it.' })
  arrangedBy!: ContactArranger;

  @Field(() => ID, { nullable: true, description: 'The arranging school, when a school arranged it.' })
  schoolId!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long, in minutes.' })
  minutes!: number | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;
}
