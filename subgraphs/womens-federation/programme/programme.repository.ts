import { In, type EntityManager } from 'typeorm';
import { ProgrammeRow } from './programme.entity';

export type NewProgramme = Omit<ProgrammeRow, 'createdAt'>;

export function findProgrammesByIds(db: EntityManager, ids: readonly string[]): Promise<ProgrammeRow[]> {
  return db.getRepository(ProgrammeRow).findBy({ id: In([...ids]) });
}

/** The programmes of each partner, by name. */
export function findProgrammesByPartnerIds(db: EntityManager, partnerIds: readonly string[]): Promise<ProgrammeRow[]> {
  return db.getRepository(ProgrammeRow).find({ where: { partnerId: In([...partnerIds]) }, order: { name: 'ASC' } });
}
