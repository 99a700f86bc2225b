import type { SubgraphContext } from '../shared/context';
import type { EducationLoaders } from './loaders';

export type EducationContext = SubgraphContext<EducationLoaders>;
