import type { EntityManager } from 'typeorm';
import { createPairingLoaders } from './pairing/pairing.loaders';
import { createPartnerLoaders } from './partner/partner.loaders';
import { createProgrammeLoaders } from './programme/programme.loaders';
import { accessLogLoader } from '../shared/audit/access-log.loader';

/** The women's-federation DataLoaders of one request, assembled from the entities'. */
export function createWomensFederationLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'womens-federation'),
    ...createPartnerLoaders(db),
    ...createProgrammeLoaders(db),
    ...createPairingLoaders(db),
  };
}

export type WomensFederationLoaders = ReturnType<typeof createWomensFederationLoaders>;
