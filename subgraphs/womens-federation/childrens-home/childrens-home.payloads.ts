import { ConnectionType } from '../../shared/pagination';
import { ChildrensHome } from './childrens-home.type';

export const ChildrensHomeConnection = ConnectionType(ChildrensHome, 'ChildrensHome', 'A page of children’s homes.');
