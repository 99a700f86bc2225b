import { In, type EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../shared/loaders';
import { PairingRow } from './pairing/pairing.entity';
import { PartnerRow } from './partner/partner.entity';
import { ProgrammeRow } from './programme/programme.entity';
import { accessLogLoader } from '../shared/audit/access-log.loader';

/** The women's-federation DataLoaders of one request. */
export function createWomensFederationLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'womens-federation'),
    partnerById: rowLoader((ids: readonly string[]) => db.getRepository(PartnerRow).findBy({ id: In([...ids]) }), (row) => row.id),
    programmeById: rowLoader((ids: readonly string[]) => db.getRepository(ProgrammeRow).findBy({ id: In([...ids]) }), (row) => row.id),
    programmesByPartnerId: groupLoader(
      (ids: readonly string[]) => db.getRepository(ProgrammeRow).find({ where: { partnerId: In([...ids]) }, order: { name: 'ASC' } }),
      (row) => row.partnerId,
    ),
    pairingsByChildId: groupLoader(
      (ids: readonly string[]) => db.getRepository(PairingRow).find({ where: { childId: In([...ids]) }, order: { since: 'DESC' } }),
      (row) => row.childId,
    ),
  };
}

export type WomensFederationLoaders = ReturnType<typeof createWomensFederationLoaders>;
