import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum ProgrammeKind {
  PROXY_PARENT = 'PROXY_PARENT',
  VOLUNTEER_PAIRING = 'VOLUNTEER_PAIRING',
  FAMILY_EDUCATION = 'FAMILY_EDUCATION',
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  OTHER = 'OTHER',
}
registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'What a programme does.',
  valuesConfig: {
    PROXY_PARENT: { description: '代理家长: adults who stand in for absent parents.' },
    VOLUNTEER_PAIRING: { description: '结对帮扶: volunteers paired with children.' },
    FAMILY_EDUCATION: { description: '家庭教育指导: guidance for parents and guardians.' },
    CHILDRENS_HOME: { description: '儿童之家 activities.' },
    OTHER: { description: 'Other.' },
  },
});

@ObjectType({ description: 'A programme a partner runs for children or their families.' })
export class Programme {
  @Field(() => ID, { description: 'Programme id.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => ProgrammeKind, { description: 'What the programme does.' })
  kind!: ProgrammeKind;

  @Field({ description: 'County-level GB/T 2260 code where it runs.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'The township (乡镇) where it runs: 9-digit code; null for a county-wide programme.' })
  townshipCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The village (村/居) where it runs, by name (a children’s home 儿童之家, say).' })
  village!: string | null;

  @Field(() => LocalDate, { description: 'First day.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; null while open-ended.' })
  endsOn!: string | null;
}
