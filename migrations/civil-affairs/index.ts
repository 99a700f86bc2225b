import { Registry1763800000000 } from './1763800000000-registry';
import { RowLevelSecurity1763900000000 } from './1763900000000-row-level-security';
import { AccessLog1764000000000 } from './1764000000000-access-log';
import { PublishedSets1764100000000 } from './1764100000000-published-sets';
import { InternalCall1764150000000 } from './1764150000000-internal-call';
import { NationalIdLookups1764150000002 } from './1764150000002-national-id-lookups';
import { IdempotencyPayload1764160000000 } from '../shared/1764160000000-idempotency-payload';
import { ChildProposals1764300000000 } from './1764300000000-child-proposals';
import { Townships1764500000000 } from './1764500000000-townships';
import { ChildrenAtRisk1764510000000 } from './1764510000000-children-at-risk';
import { RegistrySetPlaces1764520000000 } from './1764520000000-registry-set-places';
import { ArchivedChildReferences1764540000000 } from './1764540000000-archived-child-references';
import { AccessLogHashIndex1764560000000 } from '../shared/1764560000000-access-log-hash-index';
import { AccessLogPartitions1764600000000 } from '../shared/1764600000000-access-log-partitions';
import { AccessLogLeanAppend1764700100000 } from '../shared/1764700100000-access-log-lean-append';
import { RegionFigures1764570000000 } from './1764570000000-region-figures';
import { RegionFiguresByDay1764580000000 } from './1764580000000-region-figures-by-day';
import { ChildReachIndex1764600000001 } from './1764600000001-child-reach-index';
import { RegionFigureBreakdowns1764620000000 } from './1764620000000-region-figure-breakdowns';
import { CheaperChildReach1764700000000 } from './1764700000000-cheaper-child-reach';
import { InternalCallExpiry1764700000002 } from '../shared/1764700000002-internal-call-expiry';
import { SpendInternalCall1764710000000 } from '../shared/1764710000000-spend-internal-call';
import { ChildCountyReach1764700200000 } from './1764700200000-child-county-reach';
import { ChildAreaReach1764700450000 } from './1764700450000-child-area-reach';

/** Civil-affairs migrations, oldest first. */
export const civilAffairsMigrations = [
  Registry1763800000000,
  RowLevelSecurity1763900000000,
  AccessLog1764000000000,
  PublishedSets1764100000000,
  InternalCall1764150000000,
  NationalIdLookups1764150000002,
  IdempotencyPayload1764160000000,
  ChildProposals1764300000000,
  Townships1764500000000,
  ChildrenAtRisk1764510000000,
  RegistrySetPlaces1764520000000,
  ArchivedChildReferences1764540000000,
  AccessLogHashIndex1764560000000,
  RegionFigures1764570000000,
  RegionFiguresByDay1764580000000,
  AccessLogPartitions1764600000000,
  ChildReachIndex1764600000001,
  RegionFigureBreakdowns1764620000000,
  CheaperChildReach1764700000000,
  InternalCallExpiry1764700000002,
  AccessLogLeanAppend1764700100000,
  ChildCountyReach1764700200000,
  ChildAreaReach1764700450000,
  SpendInternalCall1764710000000,
];
