import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import { Programme } from '../programme/programme.type';
import { PairingRow } from './pairing.entity';
import { PairChildInput } from './pairing.inputs';
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
