import { WorkingListType } from '../../shared/pagination';
import { Child } from '../child/child.type';

export const AtRiskChildWorkingList = WorkingListType(
  Child,
  'AtRiskChild',
  'A page of a working list (工作台账) of children in the registry, with the whole list’s count.',
);
