import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, toConnection } from '../../shared/pagination';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import { ConsentRow } from './consent.entity';
import { RecordConsentInput } from './consent.inputs';
import { ConsentConnection } from './consent.payloads';
import { ConsentService } from './consent.service';
import { Consent, ShareableCategory } from './consent.type';

@Resolver(() => Consent)
export class ConsentResolver {
  private readonly service = new ConsentService();

  @Mutation(() => Consent, {
    description: 'Records a guardian’s consent to share a child’s data with a partner. A retry with the same idempotencyKey records once.',
  })
  recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The consent.' }) input: RecordConsentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.record(ctx, input, idempotencyKey);
  }

  @Mutation(() => Consent, { description: 'Revokes a consent: the partner loses access from its next request. Revoking twice changes nothing.' })
  revokeConsent(@Arg('id', () => ID, { description: 'Consent id.' }) id: string, @Ctx() ctx: WomensFederationContext) {
    return this.service.revoke(ctx, id);
  }

  @Query(() => ConsentConnection, {
    description: 'Consents recorded in your jurisdiction, or given to your organisation, newest id order; optionally for one child.',
  })
  async consents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('childId', () => ID, { nullable: true, description: 'Only this child’s consents.' }) childId: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    const window = pageWindow(page, ctx);
    return toConnection(await this.service.list(ctx, childId, window), window);
  }

  @Query(() => [ID], {
    description: 'Registry ids of the children whose guardians’ active consents open a category to your organisation for the purpose you state.',
    deprecationReason:
      'Each agency now decides a partner’s rows in its own database from the partner-grant feed, so nothing needs this list. Removed after 2027-02-28 (CHANGELOG.md).',
  })
  consentedChildIds(
    @Arg('category', () => ShareableCategory, { description: 'The category.' }) category: ShareableCategory,
    @Ctx() ctx: WomensFederationContext,
  ): Promise<string[]> {
    return this.service.consentedChildIds(ctx, category);
  }

  @FieldResolver(() => Child, { description: 'The child the consent is about.' })
  child(@Root() consent: ConsentRow): Child {
    return { id: consent.childId };
  }

  @FieldResolver(() => Boolean, { description: 'True while it holds: given, not expired, not revoked.' })
  active(@Root() consent: ConsentRow): boolean {
    return this.service.isActive(consent);
  }
}
