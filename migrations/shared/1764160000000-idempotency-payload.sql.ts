/**
 * FROZEN: what each subgraph's idempotency-payload migration ran on this date. Never edit this file: a change to the schema is a
 * new migration (and, if shared, a new file here named by its date). Imports nothing.
 *
 * Each idempotency key now keeps the SHA-256 of the payload it was first used with, so a key
 * reused with a different payload is refused instead of silently answered with the first record.
 * Keys claimed before this have no hash (NULL) and are not checked.
 */
export const IDEMPOTENCY_PAYLOAD_SQL = [`ALTER TABLE idempotency_key ADD COLUMN payload_hash text`];

export const DROP_IDEMPOTENCY_PAYLOAD_SQL = [`ALTER TABLE idempotency_key DROP COLUMN payload_hash`];
