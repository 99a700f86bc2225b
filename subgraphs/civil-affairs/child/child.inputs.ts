import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { LeftBehindType } from '../classification/classification.type';
import { DifficultCircumstanceInput } from '../difficulty/difficulty.inputs';
import { GuardianshipForm } from '../guardianship/guardianship.type';
import { ParentInput } from '../parent/parent.inputs';
import { ChildStatus, Gender } from './child.type';

@InputType({ description: 'A new child for the registry.' })
export class RegisterChildInput {
  @Field({ description: '姓名, 1 to 50 characters.' })
  name!: string;

  @Field(() => Gender, { description: '性别.' })
  gender!: Gender;

  @Field(() => LocalDate, { description: '出生日期.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: '民族.' })
  ethnicity?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '居民身份证号, optional (some children have no household registration). Checked against birth date and gender.',
  })
  nationalId?: string | null;

  @Field({ description: '户籍地: GB/T 2260 county-level code.' })
  householdRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of household registration.' })
  householdVillage?: string | null;

  @Field(() => String, { nullable: true, description: '户籍地 township (乡镇): 9-digit code within householdRegionCode.' })
  householdTownshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village of household registration: 12-digit statistical code within householdTownshipCode.' })
  householdVillageCode?: string | null;

  @Field({ description: 'Current residence: GB/T 2260 county-level code.' })
  residenceRegionCode!: string;

  @Field(() => String, { nullable: true, description: 'Village of residence.' })
  residenceVillage?: string | null;

  @Field(() => String, { nullable: true, description: 'Township (乡镇) of residence: 9-digit code within residenceRegionCode.' })
  residenceTownshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village of residence: 12-digit statistical code within residenceTownshipCode.' })
  residenceVillageCode?: string | null;

  @Field(() => ParentInput, { nullable: true, description: 'The father’s whereabouts.' })
  father?: ParentInput | null;

  @Field(() => ParentInput, { nullable: true, description: 'The mother’s whereabouts.' })
  mother?: ParentInput | null;

  @Field(() => [DifficultCircumstanceInput], {
    nullable: true,
    description:
      'The difficult-circumstance categories (困境儿童类别) the child meets. A child is registered only with a reason: left-behind under the ' +
      'national definition (from the parents’ facts) or a category holding today; otherwise NOT_ELIGIBLE.',
  })
  difficultCircumstances?: DifficultCircumstanceInput[] | null;
}

@InputType({ description: 'Changes to a child’s record; omitted fields stay as they are.' })
export class UpdateChildInput {
  @Field(() => String, { nullable: true, description: '姓名.' })
  name?: string | null;

  @Field(() => Gender, { nullable: true, description: '性别.' })
  gender?: Gender | null;

  @Field(() => LocalDate, { nullable: true, description: '出生日期.' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: '民族.' })
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: '居民身份证号; must not belong to another registered child.' })
  nationalId?: string | null;

  @Field(() => String, { nullable: true, description: '户籍地 county-level code.' })
  householdRegionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village of household registration.' })
  householdVillage?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '户籍地 township code (null clears it). When householdRegionCode changes and this is omitted, township and village code are cleared.',
  })
  householdTownshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village code of household registration (null clears it); cleared when the township changes.' })
  householdVillageCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Residence county-level code.' })
  residenceRegionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village of residence.' })
  residenceVillage?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Township code of residence (null clears it). When residenceRegionCode changes and this is omitted, township and village code are cleared.',
  })
  residenceTownshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Village code of residence (null clears it); cleared when the township changes.' })
  residenceVillageCode?: string | null;

  @Field(() => ParentInput, { nullable: true, description: 'Replaces the father’s whereabouts.' })
  father?: ParentInput | null;

  @Field(() => ParentInput, { nullable: true, description: 'Replaces the mother’s whereabouts.' })
  mother?: ParentInput | null;
}

@InputType({ description: 'Which children to list. All conditions must hold.' })
export class ChildFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Prefix of where the child lives: province (2 digits), city (4), county (6), township (9) or village (12).',
  })
  regionPrefix?: string | null;

  @Field(() => LeftBehindType, { nullable: true, description: 'Only children with this left-behind type.' })
  leftBehindType?: LeftBehindType | null;

  @Field(() => Boolean, { nullable: true, description: 'Only children who are (or are not) left-behind under the national definition.' })
  isLeftBehind?: boolean | null;

  @Field(() => GuardianshipForm, { nullable: true, description: 'Only children with this guardianship form.' })
  guardianshipForm?: GuardianshipForm | null;

  @Field(() => ChildStatus, { nullable: true, description: 'Only active or only archived files.' })
  status?: ChildStatus | null;
}
