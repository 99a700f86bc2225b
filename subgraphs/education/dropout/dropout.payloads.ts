import { WorkingListType } from '../../shared/pagination';
import { DropoutCase } from './dropout.type';

export const DropoutCaseWorkingList = WorkingListType(
  DropoutCase,
  'DropoutCase',
  'A page of the dropout-prevention ledger (控辍保学工作台账), with the whole list’s count.',
);
