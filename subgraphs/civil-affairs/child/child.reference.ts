import type { CivilAffairsContext } from '../context';

/** Resolves a Child reference from another subgraph: null when the registry has no such child. */
export const childReferenceResolver = {
  Child: {
    __resolveReference(reference: { id: string }, ctx: CivilAffairsContext) {
      return ctx.loaders.childById.load(reference.id);
    },
  },
};
