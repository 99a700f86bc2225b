import { regionByCode } from './region.service';

/** Resolves a Region reference from another subgraph: null when the dataset has no such region. */
export const regionReferenceResolver = {
  Region: {
    __resolveReference(reference: { code: string }) {
      return regionByCode(reference.code);
    },
  },
};
