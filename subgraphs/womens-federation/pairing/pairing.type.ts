import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum HelperRole {
  PROXY_PARENT = 'PROXY_PARENT',
  VOLUNTEER = 'VOLUNTEER',
}
registerEnumType(HelperRole, {
  name: 'HelperRole',
  description: 'Who is paired with the child.',
  valuesConfig: {
    PROXY_PARENT: { description: '代理家长: a proxy parent, the pairing kind that stands in for absent parents.' },
    VOLUNTEER: { description: '志愿者: a volunteer helper (结对帮扶).' },
  },
});

export enum ContactFrequency {
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(ContactFrequency, { name: 'ContactFrequency', description: 'How often the helper sees or calls the child.' });

@ObjectType({ description: '结对帮扶: a proxy parent or volunteer paired with a child in a programme.' })
export class Pairing {
  @Field(() => ID, { description: 'Pairing id.' })
  id!: string;

  @Field({ description: 'Helper’s name.' })
  helperName!: string;

  @Field(() => HelperRole, { description: 'Proxy parent or volunteer.' })
  helperRole!: HelperRole;

  @Field(() => String, { nullable: true, description: 'Helper’s phone.' })
  helperPhone!: string | null;

  @Field(() => LocalDate, { description: 'Paired since.' })
  since!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Paired until; null while it lasts.' })
  until!: string | null;

  @Field(() => ContactFrequency, { description: 'How often the helper is in contact.' })
  contactFrequency!: ContactFrequency;

  @Field(() => String, { nullable: true, description: '单位（职业）: the helper’s employer or occupation.' })
  helperOccupation!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the pairing ended; null while it lasts.' })
  endReason!: string | null;

  @Field(() => Int, { description: 'Version of the record.' })
  version!: number;
}
