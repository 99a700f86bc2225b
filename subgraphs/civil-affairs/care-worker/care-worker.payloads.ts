import { ConnectionType } from '../../shared/pagination';
import { CareWorker } from './care-worker.type';

export const CareWorkerConnection = ConnectionType(CareWorker, 'CareWorker', 'A page of child directors and supervisors.');
