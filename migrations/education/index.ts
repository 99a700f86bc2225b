import { Schools1763800000000 } from './1763800000000-schools';
import { RowLevelSecurity1763900000000 } from './1763900000000-row-level-security';
import { AccessLog1764000000000 } from './1764000000000-access-log';
import { PublishedSets1764100000000 } from './1764100000000-published-sets';
import { Townships1764200000000 } from './1764200000000-townships';
import { RegistrySetPlaces1764220000000 } from './1764220000000-registry-set-places';

/** Education migrations, oldest first. */
export const educationMigrations = [
  Schools1763800000000,
  RowLevelSecurity1763900000000,
  AccessLog1764000000000,
  PublishedSets1764100000000,
  Townships1764200000000,
  RegistrySetPlaces1764220000000,
];
