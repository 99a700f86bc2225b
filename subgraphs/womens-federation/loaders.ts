import type { EntityManager } from 'typeorm';
import { createActivityLoaders } from './activity/activity.loaders';
import { createChildrensHomeLoaders } from './childrens-home/childrens-home.loaders';
import { createPairingLoaders } from './pairing/pairing.loaders';
import { createParentContactLoaders } from './parent-contact/parent-contact.loaders';
import { createPartnerLoaders } from './partner/partner.loaders';
import { createProgrammeLoaders } from './programme/programme.loaders';
import { regionLoaders } from './region/region.loaders';
import { accessLogLoader } from '../shared/audit/access-log.loader';
import { registeredChildLoader } from '../shared/feeds/registered-child';

/** The women's-federation DataLoaders of one request, assembled from the entities'. */
export function createWomensFederationLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'womens-federation'),
    registeredChildById: registeredChildLoader(db),
    ...createPartnerLoaders(db),
    ...createProgrammeLoaders(db),
    ...createPairingLoaders(db),
    ...createChildrensHomeLoaders(db),
    ...createActivityLoaders(db),
    ...createParentContactLoaders(db),
    // Figures for analysts (issue 13).
    ...regionLoaders(db),
  };
}

export type WomensFederationLoaders = ReturnType<typeof createWomensFederationLoaders>;
