import { Directive, Field, ObjectType } from 'type-graphql';
import { CategoryCount, Count, Rate, RecordedFigures } from '../../shared/reports/figure.type';
import { REGION_CODE_DESCRIPTION, REGION_DESCRIPTION } from '../../shared/reports/region.type';

@ObjectType({
  description:
    'Education’s figures for a region (教育: schooling and school care of the children in the registry), counting the children of education’s ' +
    'copy of the registry set (active files) by their place of residence, with what schools recorded of each. “This term” runs from the ' +
    'term’s first day (1 March or 1 September) to `asOf`, as recorded on the day (the day’s latest recording). No field names a child.',
})
export class EducationFigures extends RecordedFigures {
  @Field(() => Count, { description: 'Children of the registry set living in the region (在册儿童), as education’s copy holds them.' })
  registered!: Count;

  @Field(() => Rate, { description: '入学: children with an open enrolment (ENROLLED or SUSPENDED) at a school, over registered.' })
  enrolment!: Rate;

  @Field(() => [CategoryCount], {
    description: 'Children with an open enrolment, by its status (ENROLLED, SUSPENDED 休学); adds up to the enrolment’s numerator.',
  })
  byEnrolmentStatus!: CategoryCount[];

  @Field(() => Rate, {
    description: '建档率: enrolled children whose school checked their file (档案核查) this term, over enrolled children (the enrolment’s numerator).',
  })
  filing!: Rate;

  @Field(() => Rate, {
    description:
      '关爱责任人 coverage: children at school (ENROLLED) who are left-behind or in difficult circumstances and have a care-responsible person on the day, ' +
      'over those children (the pupils a talk is due for).',
  })
  carePersonCoverage!: Rate;

  @Field(() => Rate, {
    description: '谈心谈话: of the same children (left-behind or in difficult circumstances, at school), those with a talk within the last 14 days, over them.',
  })
  talksWithin14Days!: Rate;

  @Field(() => Rate, { description: '心理健康筛查 coverage: enrolled children screened this term, over enrolled children.' })
  screeningCoverage!: Rate;

  @Field(() => Count, { description: '控辍保学: children with a dropout case opened this term.' })
  dropoutCasesOpened!: Count;

  @Field(() => Count, { description: 'Of those, children whose case was reported to a body (township government, county bureau or police).' })
  dropoutCasesEscalated!: Count;

  @Field(() => Rate, {
    description: 'Returned rate (劝返率): children whose case opened this term closed as RETURNED, over children with a case opened this term.',
  })
  dropoutReturned!: Rate;

  @Field(() => [CategoryCount], {
    description:
      '资助 by kind: enrolled children granted each kind of aid this term (BOARDING_LIVING_ALLOWANCE, FREE_TEXTBOOKS, MEAL_FEE_WAIVER, ' +
      'BOARDING_FEE_WAIVER, AFTER_SCHOOL_FEE_WAIVER, NUTRITION_PROGRAMME). A child may have several kinds: the categories overlap.',
  })
  aidByKind!: CategoryCount[];
}

/** The region entity as this subgraph sees it: its key, to which it adds its figures. */
@Directive('@key(fields: "code")')
@ObjectType({ description: REGION_DESCRIPTION })
export class Region {
  @Field({ description: REGION_CODE_DESCRIPTION })
  code!: string;
}
