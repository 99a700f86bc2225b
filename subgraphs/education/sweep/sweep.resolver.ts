import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toWorkingListPage } from '../../shared/pagination';
import { LocalDate } from '../../shared/scalars';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { School } from '../school/school.type';
import { TermInput } from '../term/term.inputs';
import { sweepWindowEnd, termOf } from '../term/term.service';
import { Term, type TermSeason } from '../term/term.type';
import type { FileCheckRow } from './sweep.entity';
import { RecordFileCheckInput } from './sweep.inputs';
import { SchoolSweepWorkingList } from './sweep.payloads';
import { SweepService } from './sweep.service';
import { FileCheck, SchoolSweep, type SchoolSweepRow } from './sweep.type';

const termOfRow = (row: { termYear: number; termSeason: string }): Term => ({ year: row.termYear, season: row.termSeason as TermSeason });

@Resolver(() => FileCheck)
export class FileCheckResolver {
  private readonly service = new SweepService();

  @Mutation(() => FileCheck, {
    description: 'Records that a pupil’s file was re-checked in the term’s sweep (once a term). A retry with the same idempotencyKey records it once.',
  })
  recordFileCheck(
    @Arg('input', () => RecordFileCheckInput, { description: 'The check.' }) input: RecordFileCheckInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.recordCheck(ctx, input, idempotencyKey);
  }

  @Query(() => SchoolSweepWorkingList, {
    description: 'The term sweep’s progress at each school you reach (a county sees all its schools’), a page at a time, with the number of schools.',
  })
  async termSweeps(
    @Arg('term', () => TermInput, { description: 'The term.' }) term: TermInput,
    @Arg('regionPrefix', () => String, { nullable: true, description: 'GB/T 2260 prefix of the schools’ region.' }) prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    const { rows, totalCount } = await this.service.progress(ctx, term, prefix, window);
    return toWorkingListPage(rows, window, totalCount);
  }

  @FieldResolver(() => Term, { description: 'The term of the check.' })
  term(@Root() row: FileCheckRow): Term {
    return termOfRow(row);
  }

  @FieldResolver(() => Boolean, { description: 'True when made within the sweep’s week at the start of the term.' })
  inSweepWindow(@Root() row: FileCheckRow): boolean {
    return row.checkedOn <= sweepWindowEnd(termOf(row.checkedOn));
  }
}

@Resolver(() => SchoolSweep)
export class SchoolSweepResolver {
  @FieldResolver(() => ID, { description: 'The school’s id.' })
  schoolId(@Root() row: SchoolSweepRow): string {
    return row.id;
  }

  @FieldResolver(() => School, { description: 'The school.' })
  school(@Root() row: SchoolSweepRow, @Ctx() ctx: EducationContext) {
    return ctx.loaders.schoolById.load(row.id);
  }

  @FieldResolver(() => Term, { description: 'The term.' })
  term(@Root() row: SchoolSweepRow): Term {
    return termOfRow(row);
  }

  @FieldResolver(() => LocalDate, { description: 'The last day of the sweep’s week.' })
  windowEndsOn(@Root() row: SchoolSweepRow): string {
    return sweepWindowEnd(termOfRow(row));
  }

  @FieldResolver(() => Boolean, { description: 'True when every file due has been checked in the term.' })
  complete(@Root() row: SchoolSweepRow): boolean {
    return row.filesChecked === row.filesDue;
  }
}

@Resolver(() => Child)
export class ChildFileCheckResolver {
  @FieldResolver(() => [FileCheck], { nullable: true, description: 'The sweeps’ checks of the child’s file, newest first.' })
  fileChecks(@Root() child: Child, @Arg('last', () => Int, lastArg('checks', 4)) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestFileChecks(recordCount(last)).load(child.id);
  }
}
