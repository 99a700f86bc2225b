import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors';
import { townshipName } from '../../../standards/regions';
import { uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { PartnerOrganization } from '../partner/partner.type';
import { ProgrammeRow } from './programme.entity';
import { CreateProgrammeInput } from './programme.inputs';
import { ProgrammeService } from './programme.service';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  private readonly service = new ProgrammeService();

  @Query(() => Programme, { nullable: true, description: 'One programme by id. An unknown id is a NOT_FOUND error.' })
  async programme(@Arg('id', () => ID, { description: 'Programme id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const row = await ctx.loaders.programmeById.load(uuid(id, 'id'));
    if (!row) throw notFound('Programme', id);
    return row;
  }

  @Mutation(() => Programme, { description: 'Adds a programme to a partner. A retry with the same idempotencyKey returns the first one.' })
  createProgramme(
    @Arg('input', () => CreateProgrammeInput, { description: 'The programme.' }) input: CreateProgrammeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.create(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => PartnerOrganization, { description: 'The partner running the programme.' })
  partner(@Root() programme: ProgrammeRow, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.partnerById.load(programme.partnerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the township where it runs, e.g. 龙城镇.' })
  townshipName(@Root() programme: ProgrammeRow): string | null {
    return programme.townshipCode ? townshipName(programme.townshipCode) : null;
  }
}
