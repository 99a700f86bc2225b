import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const BATCH = 500;

/** Inserts many rows a few hundred per statement (bulk loads: demo data, imports). */
export async function insertInBatches<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await em.getRepository(entity).insert(rows.slice(start, start + BATCH) as never);
  }
}

/** A column of a set insert and its PostgreSQL type (`jsonb` values are given as objects). */
export interface SetColumn {
  name: string;
  type: 'uuid' | 'text' | 'date' | 'boolean' | 'integer' | 'jsonb';
}

/**
 * Inserts any number of rows in one statement: each column travels as one array parameter and
 * `unnest` turns them back into rows, so an import of ten thousand rows costs what one of ten does.
 * `tail` follows the SELECT (an ON CONFLICT clause, a RETURNING list); returns what RETURNING gives.
 */
export async function insertSet<R = unknown>(
  em: EntityManager,
  table: string,
  columns: ReadonlyArray<SetColumn>,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  tail = '',
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map((column) => column.name);
  const arrays = columns.map((column, index) =>
    rows.map((row) => (column.type === 'jsonb' && row[index] !== null && row[index] !== undefined ? JSON.stringify(row[index]) : (row[index] ?? null))),
  );
  const params = columns.map((column, index) => `$${index + 1}::${column.type === 'jsonb' ? 'text' : column.type}[]`);
  const selected = columns.map((column) => (column.type === 'jsonb' ? `${column.name}::jsonb` : column.name));
  return em.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${selected.join(', ')} FROM unnest(${params.join(', ')}) AS t(${names.join(', ')}) ${tail}`,
    arrays,
  );
}
