import { ConnectionType } from '../../shared/pagination';
import { School } from './school.type';

export const SchoolConnection = ConnectionType(School, 'School', 'A page of schools.');
