import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { badInput, notFound } from '../../../platform/errors';
import { PURPOSES } from '../../../schema/purposes';
import { createOnce } from '../../shared/idempotency';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { countyCode, requiredText, uuid } from '../../shared/validation';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import { ConsentConnection } from './consent.payloads';
import { activeConsentsFor } from './consent.repository';
import { ConsentRow } from './consent.entity';
import { RecordConsentInput } from './consent.inputs';
import { Consent, ShareableCategory } from './consent.type';

const today = () => new Date().toISOString().slice(0, 10);
const MAX_CONSENT_DAYS = 731;

@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent, { description: 'Records a guardian’s consent to share a child’s data with a partner. A retry with the same idempotencyKey records once.' })
  async recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The consent.' }) input: RecordConsentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const givenOn = input.givenOn ?? today();
    if (input.expiresOn <= givenOn) throw badInput('expiresOn must be after givenOn.', 'expiresOn');
    if ((Date.parse(input.expiresOn) - Date.parse(givenOn)) / 86_400_000 > MAX_CONSENT_DAYS) {
      throw badInput('A consent may last at most two years; ask the guardian again after that.', 'expiresOn');
    }
    if (!input.categories.length) throw badInput('Name at least one category.', 'categories');
    if (!(input.purpose in PURPOSES)) throw badInput(`Unknown purpose; use one of ${Object.keys(PURPOSES).join(', ')}.`, 'purpose');
    const partnerId = uuid(input.partnerId, 'partnerId');
    if (!(await ctx.loaders.partnerById.load(partnerId))) throw notFound('PartnerOrganization', partnerId);
    const row = {
      id: randomUUID(),
      childId: uuid(input.childId, 'childId'),
      partnerId,
      regionCode: countyCode(input.regionCode, 'regionCode'),
      guardianName: requiredText(input.guardianName, 'guardianName', 50),
      guardianRelationship: requiredText(input.guardianRelationship, 'guardianRelationship', 30),
      categories: [...new Set(input.categories)],
      purpose: input.purpose,
      givenOn,
      expiresOn: input.expiresOn,
      recordedBy: ctx.principal.sub,
    };
    const { id } = await ctx.db.transaction((em) =>
      createOnce(em, { principal: ctx.principal.sub, operation: 'recordConsent', key: idempotencyKey }, async () => {
        await em.getRepository(ConsentRow).insert(row);
        return row.id;
      }),
    );
    return ctx.db.getRepository(ConsentRow).findOneByOrFail({ id });
  }

  @Mutation(() => Consent, { description: 'Revokes a consent: the partner loses access from its next request. Revoking twice changes nothing.' })
  async revokeConsent(@Arg('id', () => ID, { description: 'Consent id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    const consentId = uuid(id, 'id');
    const repository = ctx.db.getRepository(ConsentRow);
    await repository.update({ id: consentId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy: ctx.principal.sub });
    const row = await repository.findOneBy({ id: consentId });
    if (!row) throw notFound('Consent', id);
    return row;
  }

  @Query(() => ConsentConnection, { description: 'Consents recorded in your jurisdiction, or given to your organisation, newest id order; optionally for one child.' })
  async consents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('childId', () => ID, { nullable: true, description: 'Only this child’s consents.' }) childId: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const window = pageWindow(page);
    const query = ctx.db.getRepository(ConsentRow).createQueryBuilder('consent').orderBy('consent.id').limit(window.limit);
    if (window.afterId) query.andWhere('consent.id > :afterId', { afterId: window.afterId });
    if (childId) query.andWhere('consent.child_id = :childId', { childId: uuid(childId, 'childId') });
    return toConnection(await query.getMany(), window);
  }

  @Query(() => [ID], {
    description:
      'Registry ids of the children whose guardians’ active consents open a category to your organisation for the purpose you state. ' +
      'The gateway asks this for partner users, so the other agencies can show them those children and no others.',
  })
  consentedChildIds(
    @Arg('category', () => ShareableCategory, { description: 'The category.' }) category: ShareableCategory,
    @Ctx() ctx: WomensFederationContext,
  ): Promise<string[]> {
    if (!ctx.principal.partner || !ctx.purpose) return Promise.resolve([]);
    return activeConsentsFor(ctx.db, ctx.principal.partner, category, ctx.purpose);
  }

  @FieldResolver(() => Child, { description: 'The child the consent is about.' })
  child(@Root() consent: ConsentRow): Child {
    return { id: consent.childId };
  }

  @FieldResolver(() => Boolean, { description: 'True while it holds: given, not expired, not revoked.' })
  active(@Root() consent: ConsentRow): boolean {
    const now = today();
    return consent.revokedAt === null && consent.givenOn <= now && consent.expiresOn >= now;
  }
}
