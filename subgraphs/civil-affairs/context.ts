import type { SubgraphContext } from '../shared/context';
import type { CivilAffairsLoaders } from './loaders';

export type CivilAffairsContext = SubgraphContext<CivilAffairsLoaders>;
