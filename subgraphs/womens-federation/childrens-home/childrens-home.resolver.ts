import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { CreateChildrensHomeInput } from './childrens-home.inputs';
import { ChildrensHomeConnection } from './childrens-home.payloads';
import { ChildrensHomeService } from './childrens-home.service';
import { ChildrensHome } from './childrens-home.type';

@Resolver(() => ChildrensHome)
export class ChildrensHomeResolver {
  private readonly service = new ChildrensHomeService();

  @Query(() => ChildrensHome, { nullable: true, description: 'One children’s home by id. An unknown id is a NOT_FOUND error.' })
  async childrensHome(@Arg('id', () => ID, { description: 'Children’s home id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const row = await ctx.loaders.childrensHomeById.load(uuid(id, 'id'));
    if (!row) throw notFound('ChildrensHome', id);
    return row;
  }

  @Query(() => ChildrensHomeConnection, { description: 'Children’s homes (儿童之家), optionally within a region, a page at a time.' })
  async childrensHomes(
    @Arg('regionPrefix', () => String, { nullable: true, description: 'GB/T 2260 prefix: province, city or county.' }) prefix: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const window = pageWindow(page, ctx);
    return toConnection(await this.service.list(ctx, prefix, window), window);
  }

  @Mutation(() => ChildrensHome, { description: 'Adds a children’s home in your county. A retry with the same idempotencyKey returns the first one.' })
  createChildrensHome(
    @Arg('input', () => CreateChildrensHomeInput, { description: 'The home.' }) input: CreateChildrensHomeInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.create(ctx, input, idempotencyKey);
  }
}
