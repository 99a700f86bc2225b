import { ConnectionType, WorkingListType } from '../../shared/pagination';
import { Enrolment } from './enrolment.type';

export const EnrolmentConnection = ConnectionType(Enrolment, 'Enrolment', 'A page of enrolments.');

export const EnrolmentWorkingList = WorkingListType(Enrolment, 'Enrolment', 'A page of a working list of enrolments, with the whole list’s count.');
