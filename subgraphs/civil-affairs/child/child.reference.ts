import type { CivilAffairsContext } from '../context';

/**
 * Resolves a Child reference from another subgraph: null when the registry has no such child (or
 * row-level security hides it). The other agencies' access-log entries the gateway fetched for
 * `accessLog` come along in the reference and are kept beside the row (never written into the
 * cached row itself).
 */
export const childReferenceResolver = {
  Child: {
    async __resolveReference(reference: { id: string; educationAccessLog?: unknown; womensFederationAccessLog?: unknown }, ctx: CivilAffairsContext) {
      const row = await ctx.loaders.childById.load(reference.id);
      if (!row || (reference.educationAccessLog === undefined && reference.womensFederationAccessLog === undefined)) return row;
      return { ...row, educationAccessLog: reference.educationAccessLog, womensFederationAccessLog: reference.womensFederationAccessLog };
    },
  },
};
