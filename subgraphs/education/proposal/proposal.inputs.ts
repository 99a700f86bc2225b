import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { Gender, GuardianshipForm, ProposalStatus } from './proposal.type';

@InputType({ description: 'A parent’s whereabouts, as on the form (父母外出情况).' })
export class ProposedParentInput {
  @Field(() => String, { nullable: true, description: '姓名.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '外出地点: where the parent works.' })
  workPlace?: string | null;

  @Field(() => LocalDate, { nullable: true, description: '外出时间: since when away; null when at home.' })
  awaySince?: string | null;

  @Field({ defaultValue: false, description: 'True when the parent cannot guard the child.' })
  unableToGuard: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why not.' })
  unableReason?: string | null;
}

@InputType({ description: 'The actual guardian (实际监护人) and the guardianship form.' })
export class ProposedGuardianInput {
  @Field(() => GuardianshipForm, { description: '监护形式.' })
  form!: GuardianshipForm;

  @Field(() => String, { nullable: true, description: '姓名.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '与学生的关系.' })
  relationship?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '详细地址.' })
  address?: string | null;
}

@InputType({ description: 'The facts of the registration form (留守儿童基本情况登记表, seed 003) a school collected for a child it proposes.' })
export class ProposeChildInput {
  @Field(() => ID, { description: 'The proposing school (one you work at).' })
  schoolId!: string;

  @Field({ description: '姓名.' })
  name!: string;

  @Field(() => Gender, { description: '性别.' })
  gender!: Gender;

  @Field(() => LocalDate, { description: '出生日期.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: '民族.' })
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: '居民身份证号, if the child has one; checked, and used by the registry to find a child already filed.' })
  nationalId?: string | null;

  @Field(() => String, { nullable: true, description: '班级.' })
  className?: string | null;

  @Field({ description: '户籍地: county-level GB/T 2260 code.' })
  householdRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of household registration.' })
  householdVillage?: string | null;

  @Field({ description: 'Residence county-level code.' })
  residenceRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of residence.' })
  residenceVillage?: string | null;

  @Field(() => ProposedParentInput, { nullable: true, description: '父亲.' })
  father?: ProposedParentInput | null;

  @Field(() => ProposedParentInput, { nullable: true, description: '母亲.' })
  mother?: ProposedParentInput | null;

  @Field(() => ProposedGuardianInput, { description: '实际监护人情况.' })
  guardian!: ProposedGuardianInput;

  @Field(() => String, { nullable: true, description: '关注的主要问题: the main concerns, up to 1,000 characters.' })
  concerns?: string | null;
}

@InputType({ description: 'Which proposals to list.' })
export class ChildProposalFilter {
  @Field(() => ID, { nullable: true, description: 'Only this school’s.' })
  schoolId?: string | null;

  @Field(() => ProposalStatus, { nullable: true, description: 'Only those in this state.' })
  status?: ProposalStatus | null;
}
