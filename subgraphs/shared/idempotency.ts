import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput } from '../../platform/errors';

/** Who asked for a create, which create it was, and the client's key for it (if any). */
export interface CreateScope {
  principal: string;
  operation: string;
  key: string | null | undefined;
}

const MAX_KEY_LENGTH = 200;

/**
 * Makes a create safe to retry (DESIGN 6.3): the first call with a key creates and records the
 * new id inside the same transaction; a retry with the same key returns that id. Two racing
 * calls serialise on the key's primary key, so exactly one creates.
 * Keys are scoped to the principal and the operation, so one user cannot learn another's result.
 */
export async function createOnce(em: EntityManager, scope: CreateScope, create: () => Promise<string>): Promise<{ id: string; replayed: boolean }> {
  if (!scope.key) return { id: await create(), replayed: false };
  if (scope.key.length > MAX_KEY_LENGTH) throw badInput(`idempotencyKey is longer than ${MAX_KEY_LENGTH} characters.`, 'idempotencyKey');
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key (principal, operation, key) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope.principal, scope.operation, scope.key],
  );
  if (claimed.length === 0) {
    const [row]: { result_id: string }[] = await em.query(`SELECT result_id FROM idempotency_key WHERE principal = $1 AND operation = $2 AND key = $3`, [
      scope.principal,
      scope.operation,
      scope.key,
    ]);
    return { id: row.result_id, replayed: true };
  }
  const id = await create();
  await em.query(`UPDATE idempotency_key SET result_id = $4 WHERE principal = $1 AND operation = $2 AND key = $3`, [
    scope.principal,
    scope.operation,
    scope.key,
    id,
  ]);
  return { id, replayed: false };
}

/**
 * The common create: in one transaction, claim the idempotency key and insert the row (whose id
 * it returns), or return the row a retry with the same key created before.
 */
export function insertOnce<T extends ObjectLiteral & { id: string }>(
  db: EntityManager,
  scope: CreateScope,
  entity: EntityTarget<T>,
  row: T,
): Promise<{ id: string; replayed: boolean }> {
  return db.transaction((em) =>
    createOnce(em, scope, async () => {
      await em.getRepository(entity).insert(row as never);
      return row.id;
    }),
  );
}

/** The options of every create's `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_ARG = { nullable: true, description: 'A client-chosen key that makes retries safe.' } as const;
