/**
 * FROZEN: the idempotency-key table each subgraph's first migration creates, exactly as the migrations of this date ran it. Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing.
 */
export const IDEMPOTENCY_TABLE_SQL = `
  CREATE TABLE idempotency_key (
    principal  text        NOT NULL,
    operation  text        NOT NULL,
    key        text        NOT NULL,
    result_id  uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, operation, key)
  )`;
