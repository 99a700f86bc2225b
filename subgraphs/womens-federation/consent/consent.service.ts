import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../platform/errors';
import { PURPOSES } from '../../../schema/purposes';
import { daysBetween, today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { countyCode, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { ConsentRow } from './consent.entity';
import type { RecordConsentInput } from './consent.inputs';
import type { ShareableCategory } from './consent.type';
import { activeConsentsFor, findConsent, getConsent, listConsents, revokeConsent, type NewConsent } from './consent.repository';

const MAX_CONSENT_DAYS = 731;

/**
 * The consent rules: a guardian's consent names a known partner, at least one category and one
 * known purpose, and lasts at most two years; revoking is final and idempotent.
 */
export class ConsentService {
  /** Records a consent; a retry with the same idempotency key records it once. */
  async record(ctx: WomensFederationContext, input: RecordConsentInput, idempotencyKey: string | null): Promise<ConsentRow> {
    const givenOn = input.givenOn ?? today();
    if (input.expiresOn <= givenOn) throw badInput('expiresOn must be after givenOn.', 'expiresOn');
    if (daysBetween(givenOn, input.expiresOn) > MAX_CONSENT_DAYS) {
      throw badInput('A consent may last at most two years; ask the guardian again after that.', 'expiresOn');
    }
    if (!input.categories.length) throw badInput('Name at least one category.', 'categories');
    if (!(input.purpose in PURPOSES)) throw badInput(`Unknown purpose; use one of ${Object.keys(PURPOSES).join(', ')}.`, 'purpose');
    const partnerId = uuid(input.partnerId, 'partnerId');
    if (!(await ctx.loaders.partnerById.load(partnerId))) throw notFound('PartnerOrganization', partnerId);
    const row: NewConsent = {
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
    // The child's own rows decide, not the consent's region: an office records consents for children it serves.
    await requireRegisteredChild(ctx.db, row.childId, { archived: 'refused' });
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'recordConsent', key: idempotencyKey, payload: input }, ConsentRow, row);
    return getConsent(ctx.db, id);
  }

  /** Revokes a consent; revoking twice changes nothing. */
  async revoke(ctx: WomensFederationContext, id: string): Promise<ConsentRow> {
    const consentId = uuid(id, 'id');
    await revokeConsent(ctx.db, consentId, ctx.principal.sub);
    const row = await findConsent(ctx.db, consentId);
    if (!row) throw notFound('Consent', id);
    return row;
  }

  /** One page of the consents the caller may see, optionally one child's. */
  list(ctx: WomensFederationContext, childId: string | null, window: PageWindow): Promise<ConsentRow[]> {
    return listConsents(ctx.db, childId ? uuid(childId, 'childId') : null, window);
  }

  /**
   * The children whose consents open the category to the caller's organisation for the purpose
   * the caller states; none for a caller that is not a partner or states no purpose.
   */
  consentedChildIds(ctx: WomensFederationContext, category: ShareableCategory): Promise<string[]> {
    if (!ctx.principal.partner || !ctx.purpose) return Promise.resolve([]);
    return activeConsentsFor(ctx.db, ctx.principal.partner, category, ctx.purpose);
  }

  /** True while the consent holds: given, not expired, not revoked. */
  isActive(consent: ConsentRow): boolean {
    const now = today();
    return consent.revokedAt === null && consent.givenOn <= now && consent.expiresOn >= now;
  }
}
