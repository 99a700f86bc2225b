import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { optionalPhone, requiredText, uuid } from '../../shared/validation';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import { CareAssignmentRow } from './care.entity';
import { AssignCareTeacherInput } from './care.inputs';
import { CareResponsiblePerson } from './care.type';

const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => CareResponsiblePerson)
export class CareResolver {
  @Mutation(() => CareResponsiblePerson, {
    description: 'Makes a teacher the child’s care-responsible person (关爱责任人); the previous one’s assignment ends today.',
  })
  async assignCareTeacher(@Arg('input', () => AssignCareTeacherInput, { description: 'The teacher and child.' }) input: AssignCareTeacherInput, @Ctx() ctx: EducationContext) {
    const childId = uuid(input.childId, 'childId');
    const schoolId = uuid(input.schoolId, 'schoolId');
    const row = {
      id: randomUUID(),
      childId,
      schoolId,
      teacherName: requiredText(input.teacherName, 'teacherName', 50),
      teacherPhone: optionalPhone(input.teacherPhone, 'teacherPhone'),
      role: input.role,
      assignedOn: today(),
      createdBy: ctx.principal.sub,
    };
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    try {
      await ctx.db.transaction(async (em) => {
        const repository = em.getRepository(CareAssignmentRow);
        await repository.update({ childId, endedOn: IsNull() }, { endedOn: today() });
        await repository.insert(row);
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError(ErrorCode.CONFLICT, 'Someone else assigned a teacher to this child at the same moment. Retry.');
      }
      throw err;
    }
    return ctx.db.getRepository(CareAssignmentRow).findOneByOrFail({ id: row.id });
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
