import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { SchoolRow } from '../school/school.entity';
import { EnrolmentRow } from './enrolment.entity';
import { EnrolInput } from './enrolment.inputs';
import { EnrolmentConnection } from './enrolment.payloads';
import { EnrolmentService } from './enrolment.service';
import { Enrolment } from './enrolment.type';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  private readonly service = new EnrolmentService();

  @Mutation(() => Enrolment, {
    description:
      'Enrols a child at a school. A current enrolment at another school ends as TRANSFERRED, so the child’s education records follow it to the new school.',
  })
  enrol(
    @Arg('input', () => EnrolInput, { description: 'The enrolment.' }) input: EnrolInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.enrol(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => School, { description: 'The school.' })
  school(@Root() enrolment: EnrolmentRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(enrolment.schoolId);
  }

  @FieldResolver(() => Child, { description: 'The enrolled child, with whatever each agency adds.' })
  child(@Root() enrolment: EnrolmentRow): Child {
    return { id: enrolment.childId };
  }
}

@Resolver(() => School)
export class SchoolEnrolmentsResolver {
  @FieldResolver(() => EnrolmentConnection, { description: 'Children now enrolled at this school, a page at a time.' })
  async enrolments(@Root() school: SchoolRow, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: EducationContext) {
    const window = pageWindow(page, ctx);
    const rows = await ctx.loaders.enrolmentPage(window).load(school.id);
    return toConnection(rows, window);
  }
}

@Resolver(() => Child)
export class ChildEnrolmentResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The child’s current enrolment; null when not at school.' })
  enrolment(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.currentEnrolmentByChildId.load(child.id);
  }
}
