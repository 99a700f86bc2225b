/**
 * Education needs nothing but the id to resolve its Child fields; each field loads its own
 * rows through a DataLoader.
 */
export const childReferenceResolver = {
  Child: {
    __resolveReference(reference: { id: string }) {
      return { id: reference.id };
    },
  },
};
