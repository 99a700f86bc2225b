import { WorkingListType } from '../../shared/pagination';
import { ChildProposal } from './proposal.type';

export const ChildProposalWorkingList = WorkingListType(
  ChildProposal,
  'ChildProposal',
  'A page of schools’ proposals to file children, with the whole list’s count.',
);
