import { createHash } from 'node:crypto';
import { escapeIdentifier } from 'pg';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A hot statement (a per-page DataLoader batch) with a fixed text, sent as a named prepared
 * statement: each pooled connection parses it once, and PostgreSQL may keep its plan, instead of
 * TypeORM building the SQL and PostgreSQL parsing and planning it on every request (issue 14).
 * Row-level security is unchanged: the policies are part of the plan, their `app.*` settings are
 * read at execution, and PostgreSQL replans when the role or a policy changes.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const texts = new Map<string, string>();

/** A module constant; the name is the statement's on every connection, so one name, one text. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = texts.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} defined twice with different texts`);
  texts.set(name, text);
  return Object.freeze({ name, text });
}

/**
 * Runs it on the request transaction's own connection (through TypeORM's query runner, so the
 * statement counter and the slow-statement log still see it): node-postgres takes a query config
 * `{ name, text }` wherever it takes SQL text.
 */
export function runPrepared<T>(db: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  return db.query(statement as unknown as string, values);
}

/** At most this many statements prepared by their text on one connection: the least recently used beyond it is deallocated. */
export const PREPARED_TEXTS_PER_CONNECTION = 32;

/** Per pooled connection (node-postgres client), the names prepared by `runPreparedText`, least recently used first. */
const preparedTexts = new WeakMap<object, Map<string, true>>();

interface PgClient {
  query(text: string): Promise<unknown>;
  connection: { parsedStatements: Record<string, string> };
}

/**
 * A statement whose text is built per request (a list whose filters and arms vary), sent as a
 * named prepared statement named by a hash of its text: each variant is parsed, rewritten and
 * planned once per connection instead of on every request, and then runs on its kept plan (as the
 * fixed statements above; row-level security is in the plan and reads its settings at execution).
 * Bounded: a connection keeps at most PREPARED_TEXTS_PER_CONNECTION of them. Without a
 * connection of its own (an entity manager outside a query runner) it runs unprepared.
 */
export async function runPreparedText<T>(db: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = db.queryRunner;
  if (!runner || runner.isReleased) return db.query(text, values);
  const client = (await runner.connect()) as PgClient;
  const name = `by_text_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
  let prepared = preparedTexts.get(client);
  if (!prepared) preparedTexts.set(client, (prepared = new Map()));
  if (!prepared.delete(name) && prepared.size >= PREPARED_TEXTS_PER_CONNECTION) {
    const [oldest] = prepared.keys();
    // Straight on the client, not through TypeORM: bookkeeping, not one of the request's statements.
    // DEALLOCATE is not transactional; the name is one the server acknowledged parsing (below).
    await client.query(`DEALLOCATE ${escapeIdentifier(oldest!)}`);
    delete client.connection.parsedStatements[oldest!];
    prepared.delete(oldest!);
  }
  prepared.set(name, true);
  // On its generic plan from the first run, planned once per connection: left to choose, PostgreSQL
  // kept custom plans for the child list's area arms, about 10 ms of planning per run for under 1 ms
  // of execution. Row security is in the generic plan and reads the request's settings when it runs.
  // For this statement only (set and put back around it, transaction-local either way): unnamed
  // statements keep their custom plans, which a prefix LIKE needs to use its index.
  await client.query(GENERIC_PLANS);
  try {
    return await db.query({ name, text } as unknown as string, values);
  } finally {
    // Kept only if the server parsed it (a statement that failed to parse does not exist there).
    if (client.connection.parsedStatements[name] === undefined) prepared.delete(name);
    // A failed statement has aborted the transaction, and the setting ends with it.
    await client.query(CHOSEN_PLANS).catch(() => undefined);
  }
}

const GENERIC_PLANS = `SELECT set_config('plan_cache_mode', 'force_generic_plan', true)`;
const CHOSEN_PLANS = 'SET LOCAL plan_cache_mode TO DEFAULT';

/** Rows of `entity` from a prepared statement selecting its columns by their database names. */
export async function findPrepared<T extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<T>,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  return hydrateRows(db, entity, await runPrepared<Record<string, unknown>>(db, statement, values));
}

/** Entities from raw rows whose columns are named `${prefix}${column}`, without TypeORM's query machinery. */
export function hydrateRows<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, raw: Record<string, unknown>[], prefix = ''): T[] {
  const metadata = db.connection.getMetadata(entity);
  const driver = db.connection.driver;
  return raw.map((stored) => {
    const row = metadata.create() as T;
    for (const column of metadata.columns) {
      column.setEntityValue(row, driver.prepareHydratedValue(stored[`${prefix}${column.databaseName}`], column));
    }
    return row;
  });
}

/** The SQL text of a statement, for logs: TypeORM passes the query config where it expects text. */
export function statementText(query: unknown): string {
  return typeof query === 'string' ? query : String((query as { text?: unknown } | null)?.text ?? '');
}
