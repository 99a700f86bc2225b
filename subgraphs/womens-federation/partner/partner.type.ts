import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PartnerType {
  NGO = 'NGO',
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
  SOCIAL_WORK_AGENCY = 'SOCIAL_WORK_AGENCY',
  OTHER = 'OTHER',
}
registerEnumType(PartnerType, {
  name: 'PartnerType',
  description: 'Kind of partner organisation.',
  valuesConfig: {
    NGO: { description: '社会组织.' },
    VOLUNTEER_TEAM: { description: '志愿服务队.' },
    SOCIAL_WORK_AGENCY: { description: '社会工作服务机构.' },
    OTHER: { description: 'Other.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A partner organisation (NGO, volunteer team) working with the women’s federation.' })
export class PartnerOrganization {
  @Field(() => ID, { description: 'Partner id.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => PartnerType, { description: 'Kind of organisation.' })
  type!: PartnerType;

  @Field({ description: 'County-level GB/T 2260 code where it is registered.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  contactPhone!: string | null;
}
