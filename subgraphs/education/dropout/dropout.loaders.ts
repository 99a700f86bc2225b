import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../../shared/loaders';
import type { DropoutCaseRow } from './dropout.entity';
import { findDropoutCasesByIds, findDropoutCasesOfChildren, findEscalationFacts, findEscalations, findPersuasions } from './dropout.repository';

/** The dropout DataLoaders of one request. */
export function createDropoutLoaders(db: EntityManager) {
  return {
    dropoutCaseById: rowLoader(
      (ids: readonly string[]) => findDropoutCasesByIds(db, ids),
      (row) => row.id,
    ),
    /** The child's open case, or else its latest one. */
    dropoutCaseByChildId: new DataLoader<string, DropoutCaseRow | null>(async (childIds) => {
      const cases = await findDropoutCasesOfChildren(db, childIds);
      return childIds.map((childId) => {
        const own = cases.filter((row) => row.childId === childId);
        return own.find((row) => row.closedOn === null) ?? own[0] ?? null;
      });
    }),
    persuasionsByCaseId: groupLoader(
      (ids: readonly string[]) => findPersuasions(db, ids),
      (row) => row.caseId,
    ),
    escalationsByCaseId: groupLoader(
      (ids: readonly string[]) => findEscalations(db, ids),
      (row) => row.caseId,
    ),
    escalationFactsByCaseId: rowLoader(
      (ids: readonly string[]) => findEscalationFacts(db, ids),
      (row) => row.caseId,
    ),
  };
}
