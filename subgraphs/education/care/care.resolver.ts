import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { EnrolmentWorkingList } from '../enrolment/enrolment.payloads';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import { CareAssignmentRow } from './care.entity';
import { AssignCareTeacherInput } from './care.inputs';
import { CareService } from './care.service';
import { CareResponsiblePerson } from './care.type';

@Resolver(() => CareResponsiblePerson)
export class CareResolver {
  private readonly service = new CareService();

  @Mutation(() => CareResponsiblePerson, {
    description: 'Makes a teacher the child’s care-responsible person (关爱责任人); the previous one’s assignment ends today.',
  })
  assignCareTeacher(
    @Arg('input', () => AssignCareTeacherInput, { description: 'The teacher and child.' }) input: AssignCareTeacherInput,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.assignTeacher(ctx, input);
  }

  @Query(() => EnrolmentWorkingList, {
    description:
      'Working list: current enrolments of left-behind and difficult-circumstance children (as the registry counts them today) who have no ' +
      'care-responsible person (关爱责任人), at the schools you reach, a page at a time.',
  })
  async childrenNeedingCarePerson(
    @Arg('schoolId', () => ID, { nullable: true, description: 'Only this school’s pupils.' }) schoolId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.withoutCarePerson(ctx, schoolId, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => School, { description: 'The teacher’s school.' })
  school(@Root() assignment: CareAssignmentRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(assignment.schoolId);
  }
}

@Resolver(() => Child)
export class ChildCareResolver {
  @FieldResolver(() => CareResponsiblePerson, {
    nullable: true,
    description: 'The child’s care-responsible person (关爱责任人); null when none is assigned, a high-risk flag.',
  })
  careResponsiblePerson(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.careByChildId.load(child.id);
  }
}
