import { uuid } from '../../shared/validation';

/** Education needs nothing but the child's id; each flag loads its rows through a DataLoader. */
export const riskStatusReferenceResolver = {
  ChildRiskStatus: {
    __resolveReference(reference: { childId: string }) {
      return { childId: uuid(reference.childId, 'childId') };
    },
  },
};
