import type { EntityManager } from 'typeorm';
import { newestPerChild } from '../../shared/child-records';
import type { Term } from '../term/term.type';
import { FileCheckRow } from './sweep.entity';
import type { SchoolSweepRow } from './sweep.type';

export function findNewestFileChecks(db: EntityManager, childIds: readonly string[], last: number): Promise<FileCheckRow[]> {
  return newestPerChild(db, FileCheckRow, childIds, last, { column: 'checked_on', property: 'checkedOn' });
}

/** The schools the caller reaches (the directory shows every school; the sweep is the caller's schools' own). */
const REACHABLE_SCHOOLS = `FROM school s WHERE app_school_reachable(s.id) AND ($1::text IS NULL OR s.region_code LIKE $1 || '%')`;

/**
 * One page of the caller's schools with their sweep progress, in id order, in one statement: each
 * school's current pupils the care rules cover, those with a check in the term, and those checked
 * within the window.
 */
export function findSchoolSweeps(
  db: EntityManager,
  regionPrefix: string | null,
  term: Term,
  windowEnd: string,
  page: { afterId: string | null; limit: number },
): Promise<SchoolSweepRow[]> {
  return db.query(
    `SELECT s.id, $2::int AS "termYear", $3::text AS "termSeason",
            count(e.id)::int AS "filesDue", count(f.id)::int AS "filesChecked", count(f.id) FILTER (WHERE f.checked_on <= $4::date)::int AS "filesCheckedInWindow"
       FROM (SELECT s.id ${REACHABLE_SCHOOLS} AND ($5::uuid IS NULL OR s.id > $5::uuid) ORDER BY s.id LIMIT $6) s
       LEFT JOIN enrolment e ON e.school_id = s.id AND e.status IN ('ENROLLED', 'SUSPENDED')
             AND EXISTS (SELECT 1 FROM registry_feed.child r WHERE r.child_id = e.child_id AND r.status = 'ACTIVE' AND (r.is_left_behind OR r.in_difficulty))
       LEFT JOIN file_check f ON f.child_id = e.child_id AND f.term_year = $2 AND f.term_season = $3
      GROUP BY s.id ORDER BY s.id`,
    [regionPrefix, term.year, term.season, windowEnd, page.afterId, page.limit],
  );
}

/** How many schools that list holds. */
export async function countSweepSchools(db: EntityManager, regionPrefix: string | null): Promise<number> {
  const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n ${REACHABLE_SCHOOLS}`, [regionPrefix]);
  return row.n;
}
