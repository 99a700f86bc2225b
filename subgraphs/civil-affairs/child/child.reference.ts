import type { CivilAffairsContext } from '../context';

/**
 * Resolves a Child reference from another subgraph: null when the registry has no such child (or
 * the caller does not reach it). An archived file resolves for those who reach it: the other agencies'
 * records that name it stay, and one archived child must not blank a list of them. The other agencies' access-log entries the gateway fetched for
 * `accessLog` come along in the reference and are kept beside the row (never written into the
 * cached row itself).
 */
export const childReferenceResolver = {
  Child: {
    async __resolveReference(reference: { id: string; educationAccessLog?: unknown; womensFederationAccessLog?: unknown }, ctx: CivilAffairsContext) {
      const row = await ctx.loaders.childByReference.load(reference.id);
      if (!row || (reference.educationAccessLog === undefined && reference.womensFederationAccessLog === undefined)) return row;
      return { ...row, educationAccessLog: reference.educationAccessLog, womensFederationAccessLog: reference.womensFederationAccessLog };
    },
  },
};
