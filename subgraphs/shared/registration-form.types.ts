import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

/**
 * The GraphQL shapes of a bulk import of registration forms (留守儿童基本情况登记表, seed 003 附件 1),
 * shared by civil affairs (direct registration) and education (schools' proposals). Every value of
 * a row is text as the form holds it: the subgraph parses and checks it, row by row, so one bad cell
 * is a problem reported against its line rather than a refusal of the whole request.
 */

/** Not a GraphQL type itself: each agency declares its input type from it, so its fields are filed under that agency's write category. */
@InputType({ description: 'The cells of a registration form’s row (base of each agency’s own row type; not in the schema).' })
export abstract class RegistrationFormRowFields {
  @Field(() => Int, { description: 'The row’s line in the file (a spreadsheet’s row number), named in any problem with it.' })
  line!: number;

  @Field(() => String, { nullable: true, description: '姓名 (required), 1 to 50 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '性别 (required): 男 or 女 (or MALE, FEMALE).' })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: '出生日期 (required): YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD, YYYY年MM月DD日); a minor.' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: '居民身份证号, if the child has one: check digit, birth date and gender are checked.' })
  nationalId?: string | null;

  @Field(() => String, { nullable: true, description: '民族.' })
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: '班级.' })
  className?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '户籍地 (required): the GB/T 2260 county code (6 digits) or township code (乡镇, 9 digits) of household registration.',
  })
  householdRegionCode?: string | null;

  @Field(() => String, { nullable: true, description: '户籍村: village of household registration.' })
  householdVillage?: string | null;

  @Field(() => String, { nullable: true, description: '现居住乡镇代码 (required): the 9-digit code of the township (乡镇) where the child lives.' })
  residenceTownshipCode?: string | null;

  @Field(() => String, { nullable: true, description: '现居住村: village where the child lives.' })
  residenceVillage?: string | null;

  @Field(() => String, { nullable: true, description: '父亲姓名.' })
  fatherName?: string | null;

  @Field(() => String, { nullable: true, description: '父亲外出时间: since when the father works away (a date); empty when at home.' })
  fatherAwaySince?: string | null;

  @Field(() => String, { nullable: true, description: '父亲外出地点.' })
  fatherWorkPlace?: string | null;

  @Field(() => String, { nullable: true, description: '父亲联系电话/手机.' })
  fatherPhone?: string | null;

  @Field(() => String, { nullable: true, description: '母亲姓名.' })
  motherName?: string | null;

  @Field(() => String, { nullable: true, description: '母亲外出时间: since when the mother works away (a date); empty when at home.' })
  motherAwaySince?: string | null;

  @Field(() => String, { nullable: true, description: '母亲外出地点.' })
  motherWorkPlace?: string | null;

  @Field(() => String, { nullable: true, description: '母亲联系电话/手机.' })
  motherPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '监护形式 (required): 随祖父母生活, 随亲戚朋友生活, 父母一方监护, 独立生活 or 随其他生活 (or the GuardianshipForm names).',
  })
  guardianshipForm?: string | null;

  @Field(() => String, { nullable: true, description: '实际监护人姓名.' })
  guardianName?: string | null;

  @Field(() => String, { nullable: true, description: '实际监护人与学生的关系.' })
  guardianRelationship?: string | null;

  @Field(() => String, { nullable: true, description: '实际监护人详细地址.' })
  guardianAddress?: string | null;

  @Field(() => String, { nullable: true, description: '实际监护人联系电话/手机.' })
  guardianPhone?: string | null;

  @Field(() => String, { nullable: true, description: '关注的主要问题: the main concerns, up to 1,000 characters.' })
  concerns?: string | null;

  @Field(() => String, { nullable: true, description: '填报时间: when the form was filled in (a date, not in the future); checked, not stored.' })
  filledOn?: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'One problem with one row of an imported registration form: nothing of the row is written while it stands.' })
export class ImportRowProblem {
  @Field(() => Int, { description: 'The row’s line in the file.' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The row’s field at fault (e.g. birthDate, fatherPhone); null when the row as a whole is refused.' })
  field!: string | null;

  @Field({ description: 'A stable code: BAD_USER_INPUT, INVALID_NATIONAL_ID, INVALID_REGION_CODE, OUTSIDE_JURISDICTION, NOT_ELIGIBLE, CONFLICT.' })
  code!: string;

  @Field({ description: 'What is wrong, for a person to correct (never the row’s values).' })
  message!: string;
}

@Directive('@shareable')
@ObjectType({
  description:
    'The outcome of a bulk import of registration forms: either every valid row was written in one transaction, or (with a problem and ' +
    'without onlyValidRows) nothing was. Importing the same rows again creates nothing new.',
})
export class RegistrationImportResult {
  @Field(() => Int, { description: 'Rows received.' })
  rows!: number;

  @Field({ description: 'True when the import was written (possibly creating nothing, when every row was already there).' })
  written!: boolean;

  @Field(() => Int, { description: 'Rows that created a record (a child, or a proposal).' })
  created!: number;

  @Field(() => Int, { description: 'Rows that matched a record already there (see the mutation for the matching rule) and changed nothing.' })
  alreadyPresent!: number;

  @Field(() => [ImportRowProblem], { description: 'Every problem found, by line; rows with a problem are never written.' })
  problems!: ImportRowProblem[];
}
