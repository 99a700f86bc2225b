import { Field, ObjectType } from 'type-graphql';
import { CategoryCount, Count, Rate, RecordedFigures } from '../../shared/reports/figure.type';

@ObjectType({
  description:
    'A school’s summary table (留守儿童基本情况汇总表, seed 003 附件2) as counts: the children of the registry set on the school’s roster (an open ' +
    'enrolment, ENROLLED or SUSPENDED). A school’s cells are small, so suppression applies, across the schools of its county too. The form’s ' +
    '监护形式 and 关注的主要问题 are not education’s data (the guardianship is civil affairs’ `childFigures.byGuardianshipForm`, by residence). ' +
    '“This term” runs from the term’s first day (1 March or 1 September) to `asOf`, as recorded on the day (the day’s latest recording). No field names a child.',
})
export class SchoolSummaryFigures extends RecordedFigures {
  @Field(() => Count, { description: 'Children of the registry set on the school’s roster (the form’s rows).' })
  onRoster!: Count;

  @Field(() => [CategoryCount], {
    description: '父母外出情况: by the parents’ absence (BOTH_PARENTS_AWAY, ONE_PARENT_AWAY, NONE) as the registry set says; adds up to onRoster.',
  })
  byParentsAway!: CategoryCount[];

  @Field(() => Count, { description: '留守儿童 on the roster: left behind under the national definition on the day.' })
  leftBehind!: Count;

  @Field(() => Count, { description: '困境儿童 on the roster: in a difficult-circumstance category that holds on the day.' })
  inDifficultCircumstances!: Count;

  @Field(() => Count, { description: 'Of the roster, pupils whose enrolment is SUSPENDED (休学).' })
  suspended!: Count;

  @Field(() => Count, { description: 'Of the roster, boarders (寄宿生).' })
  boarders!: Count;

  @Field(() => Rate, { description: '结对人: pupils on the roster with a care-responsible person (关爱责任人) on the day, over onRoster.' })
  carePersonCoverage!: Rate;

  @Field(() => Rate, { description: '谈心谈话: pupils on the roster with a talk within the last 14 days, over onRoster.' })
  talksWithin14Days!: Rate;

  @Field(() => Count, {
    description: '变动情况: children of the registry set whose enrolment at the school ended this term (they are no longer on the roster).',
  })
  leftThisTerm!: Count;

  @Field(() => [CategoryCount], { description: 'Those children by how the enrolment ended (TRANSFERRED, DROPPED_OUT, GRADUATED); adds up to leftThisTerm.' })
  byChange!: CategoryCount[];
}
