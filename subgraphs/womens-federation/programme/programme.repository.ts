import { In, type EntityManager } from 'typeorm';
import { ProgrammeRow } from './programme.entity';
import { findPrepared, preparedStatement } from '../../shared/prepared-statement';

export type NewProgramme = Omit<ProgrammeRow, 'createdAt'>;

/** A per-page batch of the dossier: a prepared statement (shared/prepared-statement.ts). */
const BY_IDS = preparedStatement(
  'programmes_by_ids',
  `SELECT id, partner_id, name, kind, region_code, township_code, village, starts_on, ends_on, created_at, created_by
     FROM programme WHERE id = ANY ($1::uuid[])`,
);

export function findProgrammesByIds(db: EntityManager, ids: readonly string[]): Promise<ProgrammeRow[]> {
  return findPrepared(db, ProgrammeRow, BY_IDS, [ids]);
}

/** The programmes of each partner, by name. */
export function findProgrammesByPartnerIds(db: EntityManager, partnerIds: readonly string[]): Promise<ProgrammeRow[]> {
  return db.getRepository(ProgrammeRow).find({ where: { partnerId: In([...partnerIds]) }, order: { name: 'ASC' } });
}
