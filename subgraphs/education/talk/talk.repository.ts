import type { EntityManager } from 'typeorm';
import { EnrolmentRow } from '../enrolment/enrolment.entity';
import { wherePupils, workingListPage, type PupilFilter } from '../enrolment/enrolment.repository';
import { preparedStatement, runPrepared } from '../../shared/prepared-statement';
import { TalkRow } from './talk.entity';

export type NewTalk = Omit<TalkRow, 'createdAt'>;

const TALK_COLUMNS = `id, child_id AS "childId", held_on::text AS "heldOn", held_by AS "heldBy", summary,
                      created_at AS "createdAt", created_by AS "createdBy"`;

/** Per-page batches of the dossier: prepared statements (shared/prepared-statement.ts). */
const RECENT_BY_CHILD_IDS = preparedStatement(
  'recent_talks_by_child_ids',
  `SELECT ${TALK_COLUMNS} FROM (
     SELECT t.*, row_number() OVER (PARTITION BY child_id ORDER BY held_on DESC, id DESC) AS position
       FROM talk t WHERE child_id = ANY($1::uuid[])) ranked
    WHERE position <= $2
    ORDER BY held_on DESC, id DESC`,
);
const LAST_DATES_BY_CHILD_IDS = preparedStatement(
  'last_talk_dates_by_child_ids',
  `SELECT child_id AS "childId", max(held_on)::text AS "heldOn" FROM talk WHERE child_id = ANY($1::uuid[]) GROUP BY child_id`,
);

/** The `last` most recent talks of each child, all children in one statement. */
export function findRecentTalks(db: EntityManager, childIds: readonly string[], last: number): Promise<TalkRow[]> {
  return runPrepared(db, RECENT_BY_CHILD_IDS, [childIds, last]);
}

/** The date of each child's latest talk. */
export function findLastTalkDates(db: EntityManager, childIds: readonly string[]): Promise<{ childId: string; heldOn: string }[]> {
  return runPrepared(db, LAST_DATES_BY_CHILD_IDS, [childIds]);
}

/** The row with this id, which must exist (the one a create returned). */
export function getTalk(db: EntityManager, id: string): Promise<TalkRow> {
  return db.getRepository(TalkRow).findOneByOrFail({ id });
}

/**
 * One page of the current pupils the talk rule covers whose last talk was before `since` (or who
 * never had one), with the whole list's count.
 */
export function findTalkOverduePage(db: EntityManager, filter: PupilFilter, since: string, page: { afterId: string | null; limit: number }) {
  const query = () =>
    wherePupils(db.getRepository(EnrolmentRow).createQueryBuilder('e'), { childId: 'e.child_id', schoolId: 'e.school_id' }, filter, { careRulesOnly: true })
      .andWhere(`e.status = 'ENROLLED'`)
      .andWhere('NOT EXISTS (SELECT 1 FROM talk t WHERE t.child_id = e.child_id AND t.held_on >= CAST(:since AS date))', { since });
  return workingListPage(query, 'e.id', page);
}
