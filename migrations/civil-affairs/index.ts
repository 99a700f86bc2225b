import { Registry1763800000000 } from './1763800000000-registry';
import { RowLevelSecurity1763900000000 } from './1763900000000-row-level-security';
import { AccessLog1764000000000 } from './1764000000000-access-log';
import { PublishedSets1764100000000 } from './1764100000000-published-sets';
import { InternalCall1764150000000 } from './1764150000000-internal-call';
import { NationalIdLookups1764150000002 } from './1764150000002-national-id-lookups';

/** Civil-affairs migrations, oldest first. */
export const civilAffairsMigrations = [
  Registry1763800000000,
  RowLevelSecurity1763900000000,
  AccessLog1764000000000,
  PublishedSets1764100000000,
  InternalCall1764150000000,
  NationalIdLookups1764150000002,
];
