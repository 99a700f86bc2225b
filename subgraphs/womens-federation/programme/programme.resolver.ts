import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { countyCode, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { PartnerOrganization } from '../partner/partner.type';
import { ProgrammeRow } from './programme.entity';
import { CreateProgrammeInput } from './programme.inputs';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => Programme, { nullable: true, description: 'One programme by id. An unknown id is a NOT_FOUND error.' })
  async programme(@Arg('id', () => ID, { description: 'Programme id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const row = await ctx.loaders.programmeById.load(uuid(id, 'id'));
    if (!row) throw notFound('Programme', id);
    return row;
  }

  @Mutation(() => Programme, { description: 'Adds a programme to a partner. A retry with the same idempotencyKey returns the first one.' })
  async createProgramme(
    @Arg('input', () => CreateProgrammeInput, { description: 'The programme.' }) input: CreateProgrammeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const partnerId = uuid(input.partnerId, 'partnerId');
    if (input.endsOn && input.endsOn < input.startsOn) throw badInput('endsOn must not be before startsOn.', 'endsOn');
    if (!(await ctx.loaders.partnerById.load(partnerId))) throw notFound('PartnerOrganization', partnerId);
    const row = {
      id: randomUUID(),
      partnerId,
      name: requiredText(input.name, 'name', 100),
      kind: input.kind,
      regionCode: countyCode(input.regionCode, 'regionCode'),
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      createdBy: ctx.principal.sub,
    };
    const { id } = await ctx.db.transaction((em) =>
      createOnce(em, { principal: ctx.principal.sub, operation: 'createProgramme', key: idempotencyKey }, async () => {
        await em.getRepository(ProgrammeRow).insert(row);
        return row.id;
      }),
    );
    return ctx.loaders.programmeById.load(id);
  }

  @FieldResolver(() => PartnerOrganization, { description: 'The partner running the programme.' })
  partner(@Root() programme: ProgrammeRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.partnerById.load(programme.partnerId);
  }
}
