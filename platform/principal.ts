import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is asking: the claims the gateway takes from a verified user token and hands to each
 * subgraph inside its internal token. Field scopes and row limits are enforced from these.
 */
export const principalSchema = z.object({
  /** Stable user id from the identity provider. */
  sub: z.string().min(1),
  /** The agency or partner organisation the user acts for. */
  org: z.string().min(1),
  /** OAuth 2 scopes = data categories the user may read or write. */
  scopes: z.array(z.string().min(1)),
  /** Region-code prefixes (GB/T 2260) the user's rows are limited to; empty = none. */
  jurisdiction: z.array(z.string().regex(/^\d{2,12}$/, 'must be a region-code prefix')),
  /** School ids for school staff. */
  schools: z.array(z.string().regex(UUID, 'must be a school id')),
  /**
   * Partner organisation id for NGO users. A token is a partner's exactly when it has one; an empty
   * or malformed claim is refused (401), never read as "no partner", which would open the token's
   * jurisdiction instead of the partner's grants.
   */
  partner: z.string().regex(UUID, 'must be a partner organisation id').nullable(),
  /** Purposes the user may state when reading a named child. */
  purposes: z.array(z.string().min(1)),
});

export type Principal = z.infer<typeof principalSchema>;
