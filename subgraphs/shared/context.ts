import type { DataSource } from 'typeorm';
import type { Principal } from '../../platform/principal';

/** What every resolver of a subgraph receives for one request. */
export interface SubgraphContext<Loaders> {
  principal: Principal;
  requestId: string;
  purpose: string | null;
  db: DataSource;
  /** Per-request DataLoaders: never shared between requests, so no data crosses principals. */
  loaders: Loaders;
}
