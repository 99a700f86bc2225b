import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { countyCode, optionalPhone, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { Programme } from '../programme/programme.type';
import { PartnerRow } from './partner.entity';
import { CreatePartnerInput } from './partner.inputs';
import { PartnerConnection } from './partner.payloads';
import { PartnerOrganization } from './partner.type';

@Resolver(() => PartnerOrganization)
export class PartnerResolver {
  @Query(() => PartnerOrganization, { nullable: true, description: 'One partner by id. An unknown id is a NOT_FOUND error.' })
  async partner(@Arg('id', () => ID, { description: 'Partner id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const row = await ctx.loaders.partnerById.load(uuid(id, 'id'));
    if (!row) throw notFound('PartnerOrganization', id);
    return row;
  }

  @Query(() => PartnerConnection, { description: 'Partner organisations, a page at a time.' })
  async partners(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: WomensFederationContext) {
    const window = pageWindow(page);
    const query = ctx.db.getRepository(PartnerRow).createQueryBuilder('partner').orderBy('partner.id').limit(window.limit);
    if (window.afterId) query.where('partner.id > :afterId', { afterId: window.afterId });
    const rows = await query.getMany();
    for (const row of rows) ctx.loaders.partnerById.prime(row.id, row);
    return toConnection(rows, window);
  }

  @Mutation(() => PartnerOrganization, { description: 'Adds a partner organisation. A retry with the same idempotencyKey returns the first one.' })
  async createPartner(
    @Arg('input', () => CreatePartnerInput, { description: 'The partner organisation.' }) input: CreatePartnerInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const row = {
      id: randomUUID(),
      name: requiredText(input.name, 'name', 100),
      type: input.type,
      regionCode: countyCode(input.regionCode, 'regionCode'),
      contactPhone: optionalPhone(input.contactPhone, 'contactPhone'),
      createdBy: ctx.principal.sub,
    };
    const { id } = await ctx.db.transaction((em) =>
      createOnce(em, { principal: ctx.principal.sub, operation: 'createPartner', key: idempotencyKey }, async () => {
        await em.getRepository(PartnerRow).insert(row);
        return row.id;
      }),
    );
    return ctx.loaders.partnerById.load(id);
  }

  @FieldResolver(() => [Programme], { description: 'The partner’s programmes.' })
  programmes(@Root() partner: PartnerRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.programmesByPartnerId.load(partner.id);
  }
}
