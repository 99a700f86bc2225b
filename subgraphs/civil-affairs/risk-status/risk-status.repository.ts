import type { EntityManager } from 'typeorm';
import type { PageWindow } from '../../shared/pagination';
import { ChildRow } from '../child/child.entity';

/** A row of the `child_risk_status` view (defined in the migration, derived at query time). */
export interface RiskStatusRow {
  childId: string;
  inDifficulty: boolean;
  livingAlone: boolean;
  noGuardianshipRecorded: boolean;
  guardianUnable: boolean;
  reentrustmentNoticeOpen: boolean;
  openProtectionReport: boolean;
  reviewDueOn: string;
  reviewOverdue: boolean;
  agedOut: boolean;
  parentsReturned: boolean;
}

export function findRiskStatusByChildIds(db: EntityManager, childIds: readonly string[]): Promise<RiskStatusRow[]> {
  return db.query(
    `SELECT child_id AS "childId", in_difficulty AS "inDifficulty",
            living_alone AS "livingAlone", no_guardianship_recorded AS "noGuardianshipRecorded", guardian_unable AS "guardianUnable",
            reentrustment_notice_open AS "reentrustmentNoticeOpen", open_protection_report AS "openProtectionReport",
            review_due_on::text AS "reviewDueOn", review_overdue AS "reviewOverdue", aged_out AS "agedOut", parents_returned AS "parentsReturned"
       FROM child_risk_status WHERE child_id = ANY ($1::uuid[])`,
    [childIds],
  );
}

/** The working lists: the condition on the risk status that puts an active child on each. */
export const WORKING_LIST_CONDITIONS = {
  livingAlone: 'rs.living_alone',
  guardianUnable: '(rs.guardian_unable OR rs.reentrustment_notice_open)',
  overdueReview: 'rs.review_overdue',
  agedOut: 'rs.aged_out',
  parentsReturned: 'rs.parents_returned',
} as const;

export type WorkingListName = keyof typeof WORKING_LIST_CONDITIONS;

/** The active children on a list, living within the prefix (county, township or village), as a query. */
function childrenOnList(db: EntityManager, list: WorkingListName, regionPrefix: string | null) {
  const query = db
    .getRepository(ChildRow)
    .createQueryBuilder('child')
    .where(`child.status = 'ACTIVE'`)
    .andWhere(`EXISTS (SELECT 1 FROM child_risk_status rs WHERE rs.child_id = child.id AND ${WORKING_LIST_CONDITIONS[list]})`);
  if (regionPrefix) {
    query.andWhere('coalesce(child.residence_village_code, child.residence_township_code, child.residence_region_code) LIKE :prefix', {
      prefix: `${regionPrefix}%`,
    });
  }
  return query;
}

/** One page of a list, in id order, in one statement. */
export function findChildrenOnList(db: EntityManager, list: WorkingListName, regionPrefix: string | null, window: PageWindow): Promise<ChildRow[]> {
  return childrenOnList(db, list, regionPrefix)
    .andWhere(window.afterId ? 'child.id > :afterId' : 'true', { afterId: window.afterId })
    .orderBy('child.id')
    .limit(window.limit)
    .getMany();
}

/** How many children the whole list holds, in one statement. */
export function countChildrenOnList(db: EntityManager, list: WorkingListName, regionPrefix: string | null): Promise<number> {
  return childrenOnList(db, list, regionPrefix).getCount();
}
