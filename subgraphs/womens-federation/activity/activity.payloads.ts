import { ConnectionType } from '../../shared/pagination';
import { Activity } from './activity.type';

export const ActivityConnection = ConnectionType(Activity, 'Activity', 'A page of activities.');
