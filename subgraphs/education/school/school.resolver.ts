import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { pageWindow, PageArgs, toConnection } from '../../shared/pagination';
import { regionFullName, townshipName } from '../../../standards/regions';
import { uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { SchoolRow } from './school.entity';
import { CreateSchoolInput } from './school.inputs';
import { SchoolConnection } from './school.payloads';
import { SchoolService } from './school.service';
import { School } from './school.type';

@Resolver(() => School)
export class SchoolResolver {
  private readonly service = new SchoolService();

  @Query(() => School, { nullable: true, description: 'One school by id. An unknown id is a NOT_FOUND error.' })
  async school(@Arg('id', () => ID, { description: 'School id.' }) id: string, @Ctx() ctx: EducationContext) {
    const row = await ctx.loaders.schoolById.load(uuid(id, 'id'));
    if (!row) throw notFound('School', id);
    return row;
  }

  @Query(() => SchoolConnection, { description: 'Schools, optionally within a region, a page at a time.' })
  async schools(
    @Arg('regionPrefix', () => String, { nullable: true, description: 'GB/T 2260 prefix: province (2 digits), city (4), county (6) or township (9).' })
    prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: EducationContext,
  ) {
    const window = pageWindow(page, ctx);
    return toConnection(await this.service.list(ctx, prefix, window), window);
  }

  @Mutation(() => School, { description: 'Adds a school. A retry with the same idempotencyKey returns the first one.' })
  createSchool(
    @Arg('input', () => CreateSchoolInput, { description: 'The school.' }) input: CreateSchoolInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.create(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the school’s region, e.g. 安徽省宿州市萧县.' })
  regionName(@Root() school: SchoolRow): string | null {
    return regionFullName(school.regionCode);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the school’s township, e.g. 龙城镇.' })
  townshipName(@Root() school: SchoolRow): string | null {
    return school.townshipCode ? townshipName(school.townshipCode) : null;
  }
}
