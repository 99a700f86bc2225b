import { createHash } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput, DomainError, ErrorCode } from '../../platform/errors';

/** Who asked for a create, which create it was, the client's key for it (if any) and what it asked to create. */
export interface CreateScope {
  principal: string;
  operation: string;
  key: string | null | undefined;
  /** The create's input as the client sent it: a retry must send the same. */
  payload: unknown;
}

/** A JSON value with its object keys in order, so the same input always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

/** SHA-256 of the payload's canonical JSON: stored with the key, never the payload itself (it may be personal). */
export function payloadHash(payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(payload) ?? null))
    .digest('hex');
}

const keyReused = () =>
  new DomainError(
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This idempotencyKey was used before for a different request; nothing was created. Use a new key for a new record, and the same key only to retry the same request.',
    { field: 'idempotencyKey' },
  );

const MAX_KEY_LENGTH = 200;

/**
 * Makes a create safe to retry (DESIGN 6.3): the first call with a key creates and records the
 * new id, with a hash of its payload, inside the same transaction; a retry with the same key and
 * payload returns that id. The same key with another payload is a client's mistake (a key reused
 * for a new record), refused with IDEMPOTENCY_KEY_REUSED rather than silently answered with the
 * first record. Two racing calls serialise on the key's primary key, so exactly one creates.
 * Keys are scoped to the principal and the operation, so one user cannot learn another's result.
 */
export async function createOnce(em: EntityManager, scope: CreateScope, create: () => Promise<string>): Promise<{ id: string; replayed: boolean }> {
  if (!scope.key) return { id: await create(), replayed: false };
  if (scope.key.length > MAX_KEY_LENGTH) throw badInput(`idempotencyKey is longer than ${MAX_KEY_LENGTH} characters.`, 'idempotencyKey');
  const hash = payloadHash(scope.payload);
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key (principal, operation, key, payload_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope.principal, scope.operation, scope.key, hash],
  );
  if (claimed.length === 0) {
    const [row]: { result_id: string; payload_hash: string | null }[] = await em.query(
      `SELECT result_id, payload_hash FROM idempotency_key WHERE principal = $1 AND operation = $2 AND key = $3`,
      [scope.principal, scope.operation, scope.key],
    );
    // Keys claimed before payloads were hashed have none: their retries are taken on trust.
    if (row.payload_hash !== null && row.payload_hash !== hash) throw keyReused();
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
