import { In, type EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import { wherePupils, workingListPage, type PupilFilter } from '../enrolment/enrolment.repository';
import { WellbeingContactRow, WellbeingInterventionRow, WellbeingScreeningRow } from './wellbeing.entity';

export function findScreeningsByIds(db: EntityManager, ids: readonly string[]): Promise<WellbeingScreeningRow[]> {
  return db.getRepository(WellbeingScreeningRow).findBy({ id: In([...ids]) });
}

export function findNewestScreenings(db: EntityManager, childIds: readonly string[], last: number): Promise<WellbeingScreeningRow[]> {
  return newestPerChild(db, WellbeingScreeningRow, childIds, last, { column: 'screened_on', property: 'screenedOn' });
}

export function findNewestInterventions(db: EntityManager, childIds: readonly string[], last: number): Promise<WellbeingInterventionRow[]> {
  return newestPerChild(db, WellbeingInterventionRow, childIds, last, { column: 'started_on', property: 'startedOn' });
}

export function findContactsOfScreenings(db: EntityManager, screeningIds: readonly string[]): Promise<WellbeingContactRow[]> {
  return db.getRepository(WellbeingContactRow).find({ where: { screeningId: In([...screeningIds]) }, order: { contactedOn: 'ASC' } });
}

/** A serious screening with no contact with the parents or guardian recorded, screened before `screenedBefore` (its deadline has passed). */
const OVERDUE_SQL = (alias: string) =>
  `${alias}.risk_level = 'SERIOUS' AND ${alias}.screened_on < CAST(:screenedBefore AS date)
   AND NOT EXISTS (SELECT 1 FROM wellbeing_contact c WHERE c.screening_id = ${alias}.id)`;

/** The children among these with a contact overdue. */
export async function findChildrenWithContactOverdue(db: EntityManager, childIds: readonly string[], screenedBefore: string): Promise<string[]> {
  const rows = await db
    .getRepository(WellbeingScreeningRow)
    .createQueryBuilder('s')
    .select('DISTINCT s.child_id', 'childId')
    .where('s.child_id IN (:...ids)', { ids: [...childIds] })
    .andWhere(OVERDUE_SQL('s'), { screenedBefore })
    .getRawMany<{ childId: string }>();
  return rows.map((row) => row.childId);
}

/** One page of the serious screenings whose contact is overdue, and the count, among the pupils the caller reaches. */
export function findContactOverduePage(db: EntityManager, filter: PupilFilter, screenedBefore: string, page: { afterId: string | null; limit: number }) {
  const query = () =>
    wherePupils(db.getRepository(WellbeingScreeningRow).createQueryBuilder('s'), { childId: 's.child_id', schoolId: 's.school_id' }, filter, {
      careRulesOnly: false,
    }).andWhere(OVERDUE_SQL('s'), { screenedBefore });
  return workingListPage(query, 's.id', page);
}
