import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { rowLoader } from '../loaders';
import { preparedStatement, runPrepared } from '../prepared-statement';

/**
 * A child as the registry publishes it to the other agencies (registry_feed.child, a subscribed
 * copy): no name, no national ID, no family data. Read through the application role, so row-level
 * security shows only children the caller may reach.
 */
export interface RegisteredChild {
  childId: string;
  householdRegionCode: string;
  residenceRegionCode: string;
  birthMonth: string;
  leftBehindType: string;
  isLeftBehind: boolean;
  inDifficulty: boolean;
  status: 'ACTIVE' | 'ARCHIVED';
}

const COLUMNS = `child_id AS "childId", household_region_code AS "householdRegionCode", residence_region_code AS "residenceRegionCode",
  birth_month AS "birthMonth", left_behind_type AS "leftBehindType", is_left_behind AS "isLeftBehind", in_difficulty AS "inDifficulty", status`;

/** A per-page batch of the dossier in education and the women's federation: a prepared statement. */
const BY_IDS = preparedStatement('registered_children_by_ids', `SELECT ${COLUMNS} FROM registry_feed.child WHERE child_id = ANY ($1::uuid[])`);

export function findRegisteredChildren(db: EntityManager, childIds: readonly string[]): Promise<RegisteredChild[]> {
  return runPrepared(db, BY_IDS, [childIds]);
}

/** The per-request loader of registered children by id. */
export function registeredChildLoader(db: EntityManager) {
  return rowLoader(
    (ids: readonly string[]) => findRegisteredChildren(db, ids),
    (row) => row.childId,
  );
}

/** True for the children the care rules are for: left-behind (留守儿童) or in difficult circumstances (困境儿童). */
export function inCareRules(child: RegisteredChild | null): boolean {
  return Boolean(child && child.status === 'ACTIVE' && (child.isLeftBehind || child.inDifficulty));
}

/**
 * Every write that names a child checks it against the registry first: an id the registry does not
 * hold, or holds outside the caller's reach, is NOT_FOUND (the same answer for both, so a write is
 * no oracle for another county's children); an archived child is refused where new care work on it
 * would be wrong.
 */
export async function requireRegisteredChild(db: EntityManager, childId: string, rule: { archived: 'allowed' | 'refused' }): Promise<RegisteredChild> {
  const [child] = await findRegisteredChildren(db, [childId]);
  if (!child) throw notFound('Child', childId);
  if (child.status === 'ARCHIVED' && rule.archived === 'refused') {
    throw new DomainError(ErrorCode.CHILD_ARCHIVED, 'The child’s file is archived: no new care records can be added to it.', { id: childId });
  }
  return child;
}
