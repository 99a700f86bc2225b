import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { CorrectAbsenceInput, RecordAbsencesInput } from './attendance.inputs';
import { AttendanceService } from './attendance.service';
import { Absence } from './attendance.type';

@Resolver(() => Absence)
export class AttendanceResolver {
  private readonly service = new AttendanceService();

  @Mutation(() => [Absence], {
    description:
      'Records one school day’s absences at a school: a single pupil, or a class register in bulk, all or none. An unexcused absence opens the ' +
      'child’s dropout case unless one is open. A retry with the same idempotencyKey records them once.',
  })
  recordAbsences(
    @Arg('input', () => RecordAbsencesInput, { description: 'The day and its absences.' }) input: RecordAbsencesInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.record(ctx, input, idempotencyKey);
  }

  @Mutation(() => Absence, { description: 'Corrects an absence if it is still at expectedVersion; otherwise VERSION_CONFLICT and nothing changes.' })
  correctAbsence(@Arg('input', () => CorrectAbsenceInput, { description: 'The correction.' }) input: CorrectAbsenceInput, @Ctx() ctx: EducationContext) {
    return this.service.correct(ctx, input);
  }
}

@Resolver(() => Child)
export class ChildAttendanceResolver {
  @FieldResolver(() => [Absence], { nullable: true, description: 'The child’s most recent absences, newest first.' })
  absences(@Root() child: Child, @Arg('last', () => Int, lastArg('absences', 30)) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestAbsences(recordCount(last)).load(child.id);
  }
}
