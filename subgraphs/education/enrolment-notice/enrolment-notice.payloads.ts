import { WorkingListType } from '../../shared/pagination';
import { UnenrolledChild } from './enrolment-notice.type';

export const UnenrolledChildWorkingList = WorkingListType(
  UnenrolledChild,
  'UnenrolledChild',
  'A page of school-age children not at school, with the whole list’s count.',
);
