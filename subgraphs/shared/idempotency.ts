import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../platform/errors';

/**
 * Makes a create safe to retry (DESIGN 6.3): the first call with a key creates and records the
 * new id inside the same transaction; a retry with the same key returns that id. Two racing
 * calls serialise on the key's primary key, so exactly one creates.
 * Keys are scoped to the principal and the operation, so one user cannot learn another's result.
 */
export async function createOnce(
  em: EntityManager,
  scope: { principal: string; operation: string; key: string | null | undefined },
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (!scope.key) return { id: await create(), replayed: false };
  if (scope.key.length > 200) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'idempotencyKey is longer than 200 characters.');
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key (principal, operation, key) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope.principal, scope.operation, scope.key],
  );
  if (claimed.length === 0) {
    const [row]: { result_id: string }[] = await em.query(
      `SELECT result_id FROM idempotency_key WHERE principal = $1 AND operation = $2 AND key = $3`,
      [scope.principal, scope.operation, scope.key],
    );
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

/** The SQL each subgraph's first migration runs to create the key table. */
export const IDEMPOTENCY_TABLE_SQL = `
  CREATE TABLE idempotency_key (
    principal  text        NOT NULL,
    operation  text        NOT NULL,
    key        text        NOT NULL,
    result_id  uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, operation, key)
  )`;
