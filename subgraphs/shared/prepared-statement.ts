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
