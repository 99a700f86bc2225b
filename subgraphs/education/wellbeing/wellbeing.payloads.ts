import { WorkingListType } from '../../shared/pagination';
import { WellbeingScreening } from './wellbeing.type';

export const WellbeingScreeningWorkingList = WorkingListType(
  WellbeingScreening,
  'WellbeingScreening',
  'A page of a working list of screenings, with the whole list’s count.',
);
