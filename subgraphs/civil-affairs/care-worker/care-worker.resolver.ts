import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { townshipName } from '../../../standards/regions';
import { pageWindow, PageArgs, toConnection } from '../../shared/pagination';
import { uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { CareWorkerRow } from './care-worker.entity';
import { RegisterCareWorkerInput } from './care-worker.inputs';
import { CareWorkerConnection } from './care-worker.payloads';
import { assignCareWorkers, findCareWorkers, registerCareWorker } from './care-worker.service';
import { CareWorker, CareWorkerRole } from './care-worker.type';

@Resolver(() => CareWorker)
export class CareWorkerResolver {
  @Query(() => CareWorkerConnection, { description: 'Child directors and supervisors (a public directory), a page at a time, in id order.' })
  async careWorkers(
    @Arg('regionPrefix', () => String, { nullable: true, description: 'Only those serving within this county (6), township (9) or village (12) prefix.' })
    prefix: string | null,
    @Arg('role', () => CareWorkerRole, { nullable: true, description: 'Only directors or only supervisors.' }) role: CareWorkerRole | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    const window = pageWindow(page, ctx);
    return toConnection(await findCareWorkers(ctx, prefix, role, window), window);
  }

  @Mutation(() => CareWorker, {
    description: 'Adds a child director (village) or supervisor (township) in your area. A retry with the same idempotencyKey returns the first one.',
  })
  registerCareWorker(
    @Arg('input', () => RegisterCareWorkerInput, { description: 'The person and the area served.' }) input: RegisterCareWorkerInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' }) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<CareWorkerRow> {
    return registerCareWorker(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the township served, e.g. 龙城镇.' })
  townshipName(@Root() worker: CareWorkerRow): string | null {
    return townshipName(worker.townshipCode);
  }
}

@Resolver(() => Child)
export class ChildCareWorkersResolver {
  @Mutation(() => Child, {
    description:
      'Puts the child in the charge of a child director and a child supervisor (omit one to keep it, null to clear it), if the record is still at ' +
      'expectedVersion; the child’s version goes up.',
  })
  async assignCareWorkers(
    @Arg('childId', () => ID, { description: 'Registry id of the child.' }) childId: string,
    @Arg('expectedVersion', () => Int, { description: 'The child’s version you read.' }) expectedVersion: number,
    @Arg('childDirectorId', () => ID, { nullable: true, description: 'The child director (儿童主任) in charge.' }) directorId: string | null | undefined,
    @Arg('childSupervisorId', () => ID, { nullable: true, description: 'The child supervisor (儿童督导员) in charge.' })
    supervisorId: string | null | undefined,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow> {
    const id = uuid(childId, 'childId');
    await assignCareWorkers(ctx, id, expectedVersion, directorId, supervisorId);
    return (await ctx.loaders.childById.clear(id).load(id))!;
  }

  @FieldResolver(() => CareWorker, { nullable: true, description: '儿童主任: the village child director in charge of the child; null when none is.' })
  childDirector(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    return child.childDirectorId ? ctx.loaders.careWorkerById.load(child.childDirectorId) : null;
  }

  @FieldResolver(() => CareWorker, { nullable: true, description: '儿童督导员: the township child supervisor in charge of the child; null when none is.' })
  childSupervisor(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    return child.childSupervisorId ? ctx.loaders.careWorkerById.load(child.childSupervisorId) : null;
  }
}
