import type { PageWindow } from '../../shared/pagination';
import { regionPrefix } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import type { CivilAffairsContext } from '../context';
import { countChildrenOnList, findChildrenOnList, type RiskStatusRow, type WorkingListName } from './risk-status.repository';
import type { ChildRiskStatus } from './risk-status.type';

/** The risk status as the API shows it (the view derives every flag; nothing here is stored). */
export function toRiskStatus(row: RiskStatusRow): ChildRiskStatus {
  return {
    childId: row.childId,
    inDifficultCircumstances: row.inDifficulty,
    livingAlone: row.livingAlone,
    noGuardianshipRecorded: row.noGuardianshipRecorded,
    guardianUnable: row.guardianUnable,
    reentrustmentNoticeOpen: row.reentrustmentNoticeOpen,
    openProtectionReport: row.openProtectionReport,
    reviewDueOn: row.reviewDueOn,
    reviewOverdue: row.reviewOverdue,
    agedOut: row.agedOut,
    parentsReturned: row.parentsReturned,
  };
}

/** The status of a child the caller reaches, or null. */
export async function riskStatusOf(ctx: CivilAffairsContext, childId: string): Promise<ChildRiskStatus | null> {
  const row = await ctx.loaders.riskStatusByChildId.load(childId);
  return row ? toRiskStatus(row) : null;
}

/**
 * A page of a working list (active children only: an archived file is on none) and its count,
 * among the children the caller reaches: two statements whatever the page size.
 */
export async function workingList(
  ctx: CivilAffairsContext,
  list: WorkingListName,
  prefix: string | null,
  window: PageWindow,
): Promise<{ rows: ChildRow[]; totalCount: number }> {
  const region = prefix ? regionPrefix(prefix, 'regionPrefix') : null;
  const rows = await findChildrenOnList(ctx.db, list, region, window);
  const totalCount = await countChildrenOnList(ctx.db, list, region);
  for (const row of rows) ctx.loaders.childById.prime(row.id, row);
  return { rows, totalCount };
}
