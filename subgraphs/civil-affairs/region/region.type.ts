import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { CategoryCount, Count, Rate, RecordedFigures } from '../../shared/reports/figure.type';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'The level of a region (行政区划级别).',
  valuesConfig: {
    PROVINCE: { description: '省级: province, autonomous region or municipality.' },
    CITY: { description: '地级: prefecture-level city.' },
    COUNTY: { description: '县级: county, district or county-level city.' },
    TOWNSHIP: { description: '乡级: township, town or subdistrict (乡镇/街道).' },
  },
});

@ObjectType({
  description:
    'The registry’s figures for a region (民政: children registered as left-behind or in difficult circumstances), counting active files by ' +
    'the child’s place of residence, as recorded on the day (the day’s latest recording, as the registry then stood). No field names a child.',
})
export class ChildFigures extends RecordedFigures {
  @Field(() => Count, { description: 'Active files of children living in the region (在册儿童).' })
  registered!: Count;

  @Field(() => Count, { description: '留守儿童: children left behind under the national definition on the day.' })
  leftBehind!: Count;

  @Field(() => Count, { description: '困境儿童: children in a difficult-circumstance category that holds on the day, under 18.' })
  inDifficultCircumstances!: Count;

  @Field(() => Count, { description: '独居: children whose current guardianship form is ALONE.' })
  livingAlone!: Count;

  @Field(() => Count, { description: 'Children whose entrusted guardian is recorded as unable to look after them (监护人无监护能力).' })
  guardianUnable!: Count;

  @Field(() => [CategoryCount], { description: 'By gender (MALE, FEMALE).' })
  byGender!: CategoryCount[];

  @Field(() => [CategoryCount], { description: 'By age band in whole years on the day: AGE_0_5, AGE_6_11, AGE_12_15, AGE_16_17.' })
  byAgeBand!: CategoryCount[];

  @Field(() => [CategoryCount], { description: 'By current guardianship form (监护形式), NONE where none is recorded.' })
  byGuardianshipForm!: CategoryCount[];

  @Field(() => [CategoryCount], {
    description: 'By left-behind type (留守类型: parents working outside the county for 3 months or more): BOTH_PARENTS_AWAY, ONE_PARENT_AWAY, NONE.',
  })
  byLeftBehindType!: CategoryCount[];

  @Field(() => [CategoryCount], {
    description:
      'By difficult-circumstance category (困境儿童类别) holding on the day, of children under 18: a child in several categories counts in each, so these add up to no total.',
  })
  byDifficultCategory!: CategoryCount[];

  @Field(() => Rate, {
    description:
      'Files reviewed within the last 3 months (seed 002: refreshed every 3 months; a file never reviewed counts from its registration) over registered.',
  })
  reviewedWithinThreeMonths!: Rate;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A region (行政区划): a province, city or county by its GB/T 2260 code, or a township by its 9-digit code.' })
export class Region {
  @Field({ description: 'The GB/T 2260 code (6 digits), or the township’s 9 digits.' })
  code!: string;

  @Field({ description: 'Its name, from the maintained division dataset.' })
  name!: string;

  @Field(() => RegionLevel, { description: 'Its level.' })
  level!: RegionLevel;
}
