import type { WomensFederationContext } from '../context';

export const partnerReferenceResolver = {
  PartnerOrganization: {
    __resolveReference(reference: { id: string }, ctx: WomensFederationContext) {
      return ctx.loaders.partnerById.load(reference.id);
    },
  },
};
