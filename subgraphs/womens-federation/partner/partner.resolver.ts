import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { Programme } from '../programme/programme.type';
import { PartnerRow } from './partner.entity';
import { CreatePartnerInput } from './partner.inputs';
import { PartnerConnection } from './partner.payloads';
import { PartnerService } from './partner.service';
import { PartnerOrganization } from './partner.type';

@Resolver(() => PartnerOrganization)
export class PartnerResolver {
  private readonly service = new PartnerService();

  @Query(() => PartnerOrganization, { nullable: true, description: 'One partner by id. An unknown id is a NOT_FOUND error.' })
  async partner(@Arg('id', () => ID, { description: 'Partner id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const row = await ctx.loaders.partnerById.load(uuid(id, 'id'));
    if (!row) throw notFound('PartnerOrganization', id);
    return row;
  }

  @Query(() => PartnerConnection, { description: 'Partner organisations, a page at a time.' })
  async partners(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: WomensFederationContext) {
    const window = pageWindow(page, ctx);
    return toConnection(await this.service.list(ctx, window), window);
  }

  @Mutation(() => PartnerOrganization, { description: 'Adds a partner organisation. A retry with the same idempotencyKey returns the first one.' })
  createPartner(
    @Arg('input', () => CreatePartnerInput, { description: 'The partner organisation.' }) input: CreatePartnerInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.create(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => [Programme], { description: 'The partner’s programmes.' })
  programmes(@Root() partner: PartnerRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.programmesByPartnerId.load(partner.id);
  }
}
