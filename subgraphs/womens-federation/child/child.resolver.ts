import { agencyAccessLogResolver } from '../../shared/audit/agency-access-log.resolver';
import { Child } from './child.type';

/** This agency's access-log entries about a child, for civil affairs' merged Child.accessLog. */
export const ChildAccessLogResolver = agencyAccessLogResolver(Child, 'womensFederationAccessLog');
