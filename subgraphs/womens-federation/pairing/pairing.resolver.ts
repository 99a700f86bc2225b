import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { today } from '../../shared/dates';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import type { ProgrammeRow } from '../programme/programme.entity';
import { Programme } from '../programme/programme.type';
import { PairingRow } from './pairing.entity';
import { EndPairingInput, PairChildInput } from './pairing.inputs';
import { PairingConnection } from './pairing.payloads';
import { PairingService } from './pairing.service';
import { Pairing } from './pairing.type';

@Resolver(() => Pairing)
export class PairingResolver {
  private readonly service = new PairingService();

  @Mutation(() => Pairing, { description: 'Pairs a proxy parent or volunteer with a child. A retry with the same idempotencyKey pairs once.' })
  pairChild(
    @Arg('input', () => PairChildInput, { description: 'The pairing.' }) input: PairChildInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.pair(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pairing, {
    description: 'Ends a pairing with its reason, if it is still at expectedVersion; otherwise VERSION_CONFLICT and nothing changes.',
  })
  endPairing(@Arg('input', () => EndPairingInput, { description: 'The end.' }) input: EndPairingInput, @Ctx() ctx: WomensFederationContext) {
    return this.service.end(ctx, input);
  }

  @FieldResolver(() => Programme, { description: 'The programme the pairing belongs to.' })
  programme(@Root() pairing: PairingRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.programmeById.load(pairing.programmeId);
  }

  @FieldResolver(() => Child, { description: 'The paired child, with whatever each agency adds.' })
  child(@Root() pairing: PairingRow): Child {
    return { id: pairing.childId };
  }

  @FieldResolver(() => Boolean, { description: 'True while the pairing lasts (started, and not ended).' })
  active(@Root() pairing: PairingRow): boolean {
    return this.service.isActive(pairing);
  }
}

@Resolver(() => Child)
export class ChildPairingsResolver {
  @FieldResolver(() => [Pairing], { nullable: true, description: 'Proxy parents and volunteers paired with the child, current and past.' })
  pairings(@Root() child: Child, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.pairingsByChildId.load(child.id);
  }
}

@Resolver(() => Programme)
export class ProgrammePairingsResolver {
  @FieldResolver(() => PairingConnection, {
    description:
      'The programme’s children, as its pairings, a page at a time: a county sees its programmes’ pairings; a partner NGO sees, of its own programmes, ' +
      'only the children whose guardian’s consent to share programme data with it holds (their masked name and age band through `child`).',
  })
  async pairings(
    @Root() programme: ProgrammeRow,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('activeOnly', { defaultValue: true, description: 'Only pairings that last today (the default); false for past ones too.' }) activeOnly: boolean,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const window = pageWindow(page, ctx);
    const rows = await ctx.loaders.pairingPage({ afterId: window.afterId, limit: window.limit, activeOn: activeOnly ? today() : null }).load(programme.id);
    return toConnection(rows, window);
  }
}
