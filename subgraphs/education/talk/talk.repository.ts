import type { EntityManager } from 'typeorm';
import { TalkRow } from './talk.entity';

export type NewTalk = Omit<TalkRow, 'createdAt'>;

const TALK_COLUMNS = `id, child_id AS "childId", held_on::text AS "heldOn", held_by AS "heldBy", summary,
                      created_at AS "createdAt", created_by AS "createdBy"`;

/** The `last` most recent talks of each child, all children in one statement. */
export function findRecentTalks(db: EntityManager, childIds: readonly string[], last: number): Promise<TalkRow[]> {
  return db.query(
    `SELECT ${TALK_COLUMNS} FROM (
       SELECT t.*, row_number() OVER (PARTITION BY child_id ORDER BY held_on DESC, id DESC) AS position
         FROM talk t WHERE child_id = ANY($1::uuid[])) ranked
      WHERE position <= $2
      ORDER BY held_on DESC, id DESC`,
    [childIds, last],
  );
}

/** The date of each child's latest talk. */
export function findLastTalkDates(db: EntityManager, childIds: readonly string[]): Promise<{ childId: string; heldOn: string }[]> {
  return db.query(`SELECT child_id AS "childId", max(held_on)::text AS "heldOn" FROM talk WHERE child_id = ANY($1::uuid[]) GROUP BY child_id`, [childIds]);
}

/** The row with this id, which must exist (the one a create returned). */
export function getTalk(db: EntityManager, id: string): Promise<TalkRow> {
  return db.getRepository(TalkRow).findOneByOrFail({ id });
}
