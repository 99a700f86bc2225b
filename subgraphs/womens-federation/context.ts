import type { SubgraphContext } from '../shared/context';
import type { WomensFederationLoaders } from './loaders';

export type WomensFederationContext = SubgraphContext<WomensFederationLoaders>;
