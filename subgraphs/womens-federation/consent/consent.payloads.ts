import { ConnectionType } from '../../shared/pagination';
import { Consent } from './consent.type';

export const ConsentConnection = ConnectionType(Consent, 'Consent', 'A page of consents.');
