import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Child } from '../child/child.type';
import type { ChildRow } from '../child/child.entity';
import type { CivilAffairsContext } from '../context';
import { Parent } from './parent.type';

@Resolver(() => Child)
export class ChildParentsResolver {
  @FieldResolver(() => Parent, { nullable: true, description: '父亲: the father’s whereabouts, when recorded.' })
  async father(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const parents = await ctx.loaders.parentsByChildId.load(child.id);
    return parents.find((parent) => parent.role === 'FATHER') ?? null;
  }

  @FieldResolver(() => Parent, { nullable: true, description: '母亲: the mother’s whereabouts, when recorded.' })
  async mother(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const parents = await ctx.loaders.parentsByChildId.load(child.id);
    return parents.find((parent) => parent.role === 'MOTHER') ?? null;
  }
}
