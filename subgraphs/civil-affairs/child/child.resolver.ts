import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { regionFullName, townshipName } from '../../../standards/regions';
import { AccessLogEntry } from '../../shared/audit/access-log.type';
import { today } from '../../shared/dates';
import { pageWindow, PageArgs, toConnection } from '../../shared/pagination';
import { uuid } from '../../shared/validation';
import type { CivilAffairsContext } from '../context';
import type { ChildRow } from './child.entity';
import { ChildFilter, RegisterChildInput, UpdateChildInput } from './child.inputs';
import { ChildConnection, RegisterChildPayload } from './child.payloads';
import { accessLogOf, ageBand, ageOn, ChildService, findChildren, maskName, type ChildWithAgencyLogs } from './child.service';
import { AgeBand, Child } from './child.type';

const ENTRY_FIELDS = '{ at agency actor org purpose requestId action categories }';

// Declared before ChildResolver: type-graphql orders a type's fields as their decorators run, and
// accessLog has always come first among Child's resolved fields in the published schema.
@Resolver(() => Child)
export class ChildAccessLogResolver {
  @Directive(`@requires(fields: "educationAccessLog ${ENTRY_FIELDS} womensFederationAccessLog ${ENTRY_FIELDS}")`)
  @FieldResolver(() => [AccessLogEntry], {
    nullable: true,
    description:
      '访问记录: who accessed this child’s data, in which agency and categories, when and for what purpose, merged from the ' +
      'three agencies’ hash-chained access logs, newest first (as in X-Road, each side keeps its own log).',
  })
  accessLog(
    @Root() child: ChildWithAgencyLogs,
    @Arg('last', () => Int, { defaultValue: 50, description: 'How many entries, 1 to 200.' }) last: number,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<AccessLogEntry[]> {
    return accessLogOf(ctx, child, last);
  }
}

@Resolver(() => Child)
export class ChildResolver {
  constructor(private readonly service: ChildService) {}

  @Query(() => Child, { nullable: true, description: 'One child by registry id. An unknown id is a NOT_FOUND error.' })
  async child(@Arg('id', () => ID, { description: 'Registry id of the child.' }) id: string, @Ctx() ctx: CivilAffairsContext): Promise<ChildRow> {
    const row = await ctx.loaders.childById.load(uuid(id, 'id'));
    if (!row) throw notFound('Child', id);
    return row;
  }

  @Query(() => Child, {
    nullable: true,
    description: 'The child registered with this national ID (居民身份证号), or null when none is.',
  })
  async childByNationalId(
    @Arg('nationalId', { description: '居民身份证号, 18 characters.' }) nationalId: string,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow | null> {
    const id = await this.service.findIdByNationalId(ctx, nationalId);
    return id ? ctx.loaders.childById.load(id) : null;
  }

  @Query(() => ChildConnection, { description: 'Children matching the filter, a page at a time, in registry-id order.' })
  async children(
    @Arg('filter', () => ChildFilter, { nullable: true, description: 'Conditions the children must meet.' }) filter: ChildFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CivilAffairsContext,
  ) {
    const window = pageWindow(page, ctx);
    const rows = await findChildren(ctx, filter, window);
    for (const row of rows) ctx.loaders.childById.prime(row.id, row);
    return toConnection(rows, window);
  }

  @Mutation(() => RegisterChildPayload, {
    description:
      'Registers a child. A national ID already in the registry returns that child instead of a duplicate; a retry with the same idempotencyKey creates nothing new.',
  })
  async registerChild(
    @Arg('input', () => RegisterChildInput, { description: 'The child to register.' }) input: RegisterChildInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<RegisterChildPayload> {
    const { id, alreadyRegistered } = await this.service.register(ctx, input, idempotencyKey);
    const child = (await ctx.loaders.childById.clear(id).load(id)) as ChildRow;
    return { child: child as unknown as Child, alreadyRegistered };
  }

  @Mutation(() => Child, {
    description: 'Changes a child’s record if it is still at expectedVersion; otherwise VERSION_CONFLICT and nothing changes.',
  })
  async updateChild(
    @Arg('id', () => ID, { description: 'Registry id of the child.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('input', () => UpdateChildInput, { description: 'The fields to change.' }) input: UpdateChildInput,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<ChildRow> {
    const childId = uuid(id, 'id');
    await this.service.update(ctx, childId, expectedVersion, input);
    ctx.loaders.parentsByChildId.clear(childId);
    ctx.loaders.classificationByChildId.clear(childId);
    return (await ctx.loaders.childById.clear(childId).load(childId)) as ChildRow;
  }

  @FieldResolver(() => String, { nullable: true, description: '居民身份证号, decrypted; null when the child has none.' })
  nationalId(@Root() child: ChildRow): string | null {
    return child.nationalIdEncrypted ? this.service.reveal(child.nationalIdEncrypted) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Age in whole years today.' })
  age(@Root() child: ChildRow): number {
    return ageOn(child.birthDate, today());
  }

  @FieldResolver(() => String, { description: '脱敏姓名: the name with all but its first and last characters masked, e.g. 张*明.' })
  maskedName(@Root() child: ChildRow): string {
    return maskName(child.name);
  }

  @FieldResolver(() => AgeBand, { description: '年龄段: the age band, for those who may not see the exact age.' })
  ageBand(@Root() child: ChildRow): AgeBand {
    return ageBand(ageOn(child.birthDate, today()));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the household registration region, e.g. 安徽省宿州市萧县.' })
  householdRegionName(@Root() child: ChildRow): string | null {
    return regionFullName(child.householdRegionCode);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the residence region.' })
  residenceRegionName(@Root() child: ChildRow): string | null {
    return regionFullName(child.residenceRegionCode);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the household township (乡镇), e.g. 龙城镇; null when unknown.' })
  householdTownshipName(@Root() child: ChildRow): string | null {
    return child.householdTownshipCode ? townshipName(child.householdTownshipCode) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the township (乡镇) where the child lives; null when unknown.' })
  residenceTownshipName(@Root() child: ChildRow): string | null {
    return child.residenceTownshipCode ? townshipName(child.residenceTownshipCode) : null;
  }
}
