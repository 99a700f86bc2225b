import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { Term, type TermSeason } from '../term/term.type';
import type { AidGrantRow } from './aid.entity';
import { GrantAidInput } from './aid.inputs';
import { AidService } from './aid.service';
import { AidGrant } from './aid.type';

@Resolver(() => AidGrant)
export class AidResolver {
  private readonly service = new AidService();

  @Mutation(() => AidGrant, { description: 'Grants a pupil one kind of aid for a term. A retry with the same idempotencyKey grants it once.' })
  grantAid(
    @Arg('input', () => GrantAidInput, { description: 'The grant.' }) input: GrantAidInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    return this.service.grant(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => Term, { description: 'The term it is for.' })
  term(@Root() row: AidGrantRow): Term {
    return { year: row.termYear, season: row.termSeason as TermSeason };
  }
}

@Resolver(() => Child)
export class ChildAidResolver {
  @FieldResolver(() => [AidGrant], { nullable: true, description: 'Aid granted to the child (资助), newest first.' })
  aid(@Root() child: Child, @Arg('last', () => Int, lastArg('grants', 20)) last: number, @Ctx() ctx: EducationContext) {
    return ctx.loaders.newestAid(recordCount(last)).load(child.id);
  }
}
