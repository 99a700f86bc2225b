import type { InternalCall, InternalTokenSigner } from '../platform/internal-token';
import { MAX_PARTNER_GRANTS } from '../platform/internal-token';
import type { Logger } from '../platform/logger';

const QUERY = '{ consentedChildIds(category: CHILD_MASKED) }';
/** Longer than the women's federation takes to answer, short enough that a hung call does not hold the request. */
const TIMEOUT_MS = 3000;

/**
 * Consent lives with the women's federation; the other agencies must still show a partner NGO
 * only the children whose guardians consented. For each request of a partner user, the gateway
 * asks the women's federation once (batched: one call for all the children of the request) which
 * children the partner's active consents open for the stated purpose, and passes the list to
 * every subgraph in its signed internal token, where row-level security reads it. Asking per
 * request means a revoked or expired consent stops access on the very next request; any failure
 * gives an empty list (fail closed).
 */
export class PartnerGrants {
  constructor(
    private readonly womensFederationUrl: string,
    private readonly signer: InternalTokenSigner,
    private readonly logger: Logger,
  ) {}

  async childrenFor(call: InternalCall): Promise<string[]> {
    if (!call.principal.partner || !call.purpose) return [];
    try {
      const token = await this.signer.sign(call, 'womens-federation');
      const response = await fetch(this.womensFederationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': call.requestId },
        body: JSON.stringify({ query: QUERY }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = (await response.json()) as { data?: { consentedChildIds?: unknown }; errors?: unknown[] };
      const ids = body.data?.consentedChildIds;
      if (!response.ok || body.errors?.length || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        throw new Error(`unexpected answer (${response.status})`);
      }
      if (ids.length > MAX_PARTNER_GRANTS) throw new Error(`more than ${MAX_PARTNER_GRANTS} consented children`);
      return ids as string[];
    } catch (err) {
      this.logger.warn({ err, partner: call.principal.partner, requestId: call.requestId }, 'consent check failed; the partner sees no child this request');
      return [];
    }
  }
}
