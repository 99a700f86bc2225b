import { WorkingListType } from '../../shared/pagination';
import { SchoolSweep } from './sweep.type';

export const SchoolSweepWorkingList = WorkingListType(SchoolSweep, 'SchoolSweep', 'A page of schools’ sweep progress, with the number of schools.');
