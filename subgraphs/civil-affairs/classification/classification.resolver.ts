import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Child } from '../child/child.type';
import type { ChildRow } from '../child/child.entity';
import type { CivilAffairsContext } from '../context';
import { toClassification } from './classification.service';
import { LeftBehindClassification } from './classification.type';

@Resolver(() => Child)
export class ChildClassificationResolver {
  @FieldResolver(() => LeftBehindClassification, { nullable: true, description: 'The left-behind classification, derived from the facts today.' })
  async classification(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.classificationByChildId.load(child.id);
    return row ? toClassification(row) : null;
  }
}
