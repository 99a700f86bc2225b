import { uuid } from '../../shared/validation';
import type { CivilAffairsContext } from '../context';
import { riskStatusOf } from './risk-status.service';

/** Resolves a ChildRiskStatus reference from another subgraph: null when the registry shows the caller no such child. */
export const riskStatusReferenceResolver = {
  ChildRiskStatus: {
    __resolveReference(reference: { childId: string }, ctx: CivilAffairsContext) {
      return riskStatusOf(ctx, uuid(reference.childId, 'childId'));
    },
  },
};
