import { ConnectionType } from '../../shared/pagination';
import { PartnerOrganization } from './partner.type';

export const PartnerConnection = ConnectionType(PartnerOrganization, 'PartnerOrganization', 'A page of partner organisations.');
