import { ConnectionType } from '../../shared/pagination';
import { Enrolment } from './enrolment.type';

export const EnrolmentConnection = ConnectionType(Enrolment, 'Enrolment', 'A page of enrolments.');
