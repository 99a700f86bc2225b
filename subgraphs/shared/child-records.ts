import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput } from '../../platform/errors';
import { groupLoader, loaderFamily } from './loaders';

/**
 * What the agencies' logs about a child (visits, absences, screenings, contacts…) share: a list
 * field returns the child's newest records, all children of a page in one statement.
 */

/** The most records one such field returns. */
export const MAX_RECORDS = 100;

/** Checks a list field's `last` argument. */
export function recordCount(last: number): number {
  if (!Number.isInteger(last) || last < 1 || last > MAX_RECORDS) throw badInput(`last must be between 1 and ${MAX_RECORDS}.`, 'last');
  return last;
}

type ChildRecord = ObjectLiteral & { id: string; childId: string };

/** Which column orders a log, newest first (and the entity property that maps it). */
export interface RecordOrder<T> {
  column: string;
  property: keyof T & string;
}

/** The `last` newest rows of each child in an entity's table, newest first, in one statement. */
export function newestPerChild<T extends ChildRecord>(
  db: EntityManager,
  entity: EntityTarget<T>,
  childIds: readonly string[],
  last: number,
  order: RecordOrder<T>,
): Promise<T[]> {
  const repository = db.getRepository(entity);
  return repository
    .createQueryBuilder('r')
    .where(
      `r.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY child_id ORDER BY ${order.column} DESC, id DESC) AS n
                  FROM ${repository.metadata.tablePath} WHERE child_id IN (:...ids)) ranked WHERE n <= :last)`,
      { ids: [...childIds], last },
    )
    .orderBy(`r.${order.property}`, 'DESC')
    .addOrderBy('r.id', 'DESC')
    .getMany();
}

/** The per-request loaders of a log by child: one per `last`, each batching a page's children. */
export function newestPerChildLoader<T extends { childId: string }>(fetch: (childIds: readonly string[], last: number) => Promise<T[]>) {
  return loaderFamily((last: number) =>
    groupLoader(
      (childIds: readonly string[]) => fetch(childIds, last),
      (row: T) => row.childId,
    ),
  );
}

/** The row with this id, which must exist (the one a create returned). */
export function rowById<T extends ObjectLiteral & { id: string }>(db: EntityManager, entity: EntityTarget<T>, id: string): Promise<T> {
  return db.getRepository(entity).findOneByOrFail({ id } as never);
}

/** The options of a list field's `last` argument. */
export function lastArg(what: string, defaultValue = 10) {
  return { defaultValue, description: `How many of the latest ${what}, 1 to ${MAX_RECORDS}.` } as const;
}
