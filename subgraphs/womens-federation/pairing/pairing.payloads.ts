import { ConnectionType } from '../../shared/pagination';
import { Pairing } from './pairing.type';

export const PairingConnection = ConnectionType(Pairing, 'Pairing', 'A page of pairings.');
