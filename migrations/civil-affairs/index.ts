import { Registry1763800000000 } from './1763800000000-registry';
import { RowLevelSecurity1763900000000 } from './1763900000000-row-level-security';
import { AccessLog1764000000000 } from './1764000000000-access-log';
import { PublishedSets1764100000000 } from './1764100000000-published-sets';
import { Townships1764200000000 } from './1764200000000-townships';
import { ChildrenAtRisk1764210000000 } from './1764210000000-children-at-risk';
import { RegistrySetPlaces1764220000000 } from './1764220000000-registry-set-places';

/** Civil-affairs migrations, oldest first. */
export const civilAffairsMigrations = [
  Registry1763800000000,
  RowLevelSecurity1763900000000,
  AccessLog1764000000000,
  PublishedSets1764100000000,
  Townships1764200000000,
  ChildrenAtRisk1764210000000,
  RegistrySetPlaces1764220000000,
];
