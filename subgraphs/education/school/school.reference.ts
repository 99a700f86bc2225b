import type { EducationContext } from '../context';

export const schoolReferenceResolver = {
  School: {
    __resolveReference(reference: { id: string }, ctx: EducationContext) {
      return ctx.loaders.schoolById.load(reference.id);
    },
  },
};
