import { WorkingListType } from '../../shared/pagination';
import { ChildProposalForReview } from './proposal.type';

export const ChildProposalForReviewWorkingList = WorkingListType(
  ChildProposalForReview,
  'ChildProposalForReview',
  'A page of schools’ proposals awaiting review, with the whole list’s count.',
);
