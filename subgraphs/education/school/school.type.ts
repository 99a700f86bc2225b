import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum SchoolType {
  KINDERGARTEN = 'KINDERGARTEN',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  NINE_YEAR = 'NINE_YEAR',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  TEACHING_POINT = 'TEACHING_POINT',
}
registerEnumType(SchoolType, {
  name: 'SchoolType',
  description: 'Kind of school.',
  valuesConfig: {
    KINDERGARTEN: { description: '幼儿园.' },
    PRIMARY: { description: '小学.' },
    JUNIOR_SECONDARY: { description: '初级中学.' },
    NINE_YEAR: { description: '九年一贯制学校.' },
    SENIOR_SECONDARY: { description: '高级中学.' },
    TEACHING_POINT: { description: '教学点: a small village teaching point.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A school, owned by education (教育局).' })
export class School {
  @Field(() => ID, { description: 'School id (UUID).' })
  id!: string;

  @Field({ description: 'School name.' })
  name!: string;

  @Field({ description: 'County-level GB/T 2260 code of the school’s location.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'The township (乡镇) of the school: 9-digit code; null where only the county is recorded.' })
  townshipCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The village (村/居) or community where the school stands, by name.' })
  village!: string | null;

  @Field(() => SchoolType, { description: 'Kind of school.' })
  type!: SchoolType;

  @Field({ description: 'True for a boarding school (寄宿制学校).' })
  boarding!: boolean;
}
