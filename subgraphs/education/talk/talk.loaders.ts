import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { groupLoader, loaderFamily } from '../../shared/loaders';
import { findLastTalkDates, findRecentTalks } from './talk.repository';

/** The talk DataLoaders of one request. */
export function createTalkLoaders(db: EntityManager) {
  return {
    lastTalkOnByChildId: new DataLoader<string, string | null>(async (ids) => {
      const dates = new Map((await findLastTalkDates(db, ids)).map((row) => [row.childId, row.heldOn]));
      return ids.map((id) => dates.get(id) ?? null);
    }),
    recentTalks: loaderFamily((last: number) =>
      groupLoader(
        (ids: readonly string[]) => findRecentTalks(db, ids, last),
        (row) => row.childId,
      ),
    ),
  };
}
