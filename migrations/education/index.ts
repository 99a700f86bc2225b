import { Schools1763800000000 } from './1763800000000-schools';
import { RowLevelSecurity1763900000000 } from './1763900000000-row-level-security';
import { AccessLog1764000000000 } from './1764000000000-access-log';
import { PublishedSets1764100000000 } from './1764100000000-published-sets';
import { InternalCall1764150000000 } from './1764150000000-internal-call';
import { EndedLinks1764150000001 } from './1764150000001-ended-links';
import { IdempotencyPayload1764160000000 } from '../shared/1764160000000-idempotency-payload';
import { SchoolWork1764300000000 } from './1764300000000-school-work';
import { Townships1764500000000 } from './1764500000000-townships';
import { RegistrySetPlaces1764520000000 } from './1764520000000-registry-set-places';
import { AccessLogHashIndex1764560000000 } from '../shared/1764560000000-access-log-hash-index';
import { SchoolFigures1764580000000 } from './1764580000000-school-figures';
import { SchoolFiguresByDay1764610000000 } from './1764610000000-school-figures-by-day';
import { AccessLogPartitions1764600000000 } from '../shared/1764600000000-access-log-partitions';
import { OneCallSchoolReach1764700000001 } from './1764700000001-one-call-school-reach';
import { InternalCallExpiry1764700000002 } from '../shared/1764700000002-internal-call-expiry';
import { SpendInternalCall1764710000000 } from '../shared/1764710000000-spend-internal-call';
import { AccessLogLeanAppend1764700100000 } from '../shared/1764700100000-access-log-lean-append';
import { InlineSchoolReach1764700500000 } from './1764700500000-inline-school-reach';

/** Education migrations, oldest first. */
export const educationMigrations = [
  Schools1763800000000,
  RowLevelSecurity1763900000000,
  AccessLog1764000000000,
  PublishedSets1764100000000,
  InternalCall1764150000000,
  EndedLinks1764150000001,
  IdempotencyPayload1764160000000,
  SchoolWork1764300000000,
  Townships1764500000000,
  RegistrySetPlaces1764520000000,
  AccessLogHashIndex1764560000000,
  SchoolFigures1764580000000,
  AccessLogPartitions1764600000000,
  SchoolFiguresByDay1764610000000,
  OneCallSchoolReach1764700000001,
  InternalCallExpiry1764700000002,
  AccessLogLeanAppend1764700100000,
  InlineSchoolReach1764700500000,
  SpendInternalCall1764710000000,
];
