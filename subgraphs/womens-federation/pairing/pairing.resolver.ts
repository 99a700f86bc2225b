import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { optionalPhone, requiredText, uuid } from '../../shared/validation';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import { Programme } from '../programme/programme.type';
import { PairingRow } from './pairing.entity';
import { PairChildInput } from './pairing.inputs';
import { Pairing } from './pairing.type';

const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => Pairing)
export class PairingResolver {
  @Mutation(() => Pairing, { description: 'Pairs a proxy parent or volunteer with a child. A retry with the same idempotencyKey pairs once.' })
  async pairChild(
    @Arg('input', () => PairChildInput, { description: 'The pairing.' }) input: PairChildInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const programmeId = uuid(input.programmeId, 'programmeId');
    const since = input.since ?? today();
    if (input.until && input.until < since) throw badInput('until must not be before since.', 'until');
    if (!(await ctx.loaders.programmeById.load(programmeId))) throw notFound('Programme', programmeId);
    const row = {
      id: randomUUID(),
      childId: uuid(input.childId, 'childId'),
      programmeId,
      helperName: requiredText(input.helperName, 'helperName', 50),
      helperRole: input.helperRole,
      helperPhone: optionalPhone(input.helperPhone, 'helperPhone'),
      since,
      until: input.until ?? null,
      contactFrequency: input.contactFrequency,
      createdBy: ctx.principal.sub,
    };
    const { id } = await ctx.db.transaction((em) =>
      createOnce(em, { principal: ctx.principal.sub, operation: 'pairChild', key: idempotencyKey }, async () => {
        await em.getRepository(PairingRow).insert(row);
        return row.id;
      }),
    );
    return ctx.db.getRepository(PairingRow).findOneByOrFail({ id });
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
    const now = today();
    return pairing.since <= now && (pairing.until === null || pairing.until >= now);
  }
}

@Resolver(() => Child)
export class ChildPairingsResolver {
  @FieldResolver(() => [Pairing], { nullable: true, description: 'Proxy parents and volunteers paired with the child, current and past.' })
  pairings(@Root() child: Child, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.pairingsByChildId.load(child.id);
  }
}
