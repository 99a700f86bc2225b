import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { optionalText, pastDate, uuid } from '../../shared/validation';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import type { SchoolRow } from '../school/school.entity';
import { EnrolmentRow } from './enrolment.entity';
import { EnrolInput } from './enrolment.inputs';
import { EnrolmentConnection } from './enrolment.payloads';
import { endCurrentEnrolment } from './enrolment.repository';
import { Enrolment } from './enrolment.type';

const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Mutation(() => Enrolment, {
    description:
      'Enrols a child at a school. A current enrolment at another school ends as TRANSFERRED, so the child’s education records follow it to the new school.',
  })
  async enrol(
    @Arg('input', () => EnrolInput, { description: 'The enrolment.' }) input: EnrolInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    const childId = uuid(input.childId, 'childId');
    const schoolId = uuid(input.schoolId, 'schoolId');
    if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 12) throw badInput('grade must be 1 to 12.', 'grade');
    const enrolledOn = input.enrolledOn ? pastDate(input.enrolledOn, 'enrolledOn') : today();
    const row = {
      id: randomUUID(),
      childId,
      schoolId,
      grade: input.grade,
      className: optionalText(input.className, 'className', 30),
      studentNumber: optionalText(input.studentNumber, 'studentNumber', 30),
      boarding: input.boarding,
      status: 'ENROLLED',
      enrolledOn,
      version: 1,
      createdBy: ctx.principal.sub,
    };
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    try {
      const { id } = await ctx.db.transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'enrol', key: idempotencyKey }, async () => {
          const previous = await endCurrentEnrolment(em, childId, enrolledOn);
          if (previous?.schoolId === schoolId) {
            throw new DomainError(ErrorCode.CONFLICT, 'The child is already enrolled at this school.', { field: 'schoolId' });
          }
          await em.getRepository(EnrolmentRow).insert(row);
          return row.id;
        }),
      );
      return ctx.db.getRepository(EnrolmentRow).findOneByOrFail({ id });
    } catch (err) {
      // Two enrolments of the same child racing: the unique index lets one through.
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError(ErrorCode.CONFLICT, 'The child was enrolled by someone else at the same moment. Read again and retry.');
      }
      throw err;
    }
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
    const window = pageWindow(page);
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
