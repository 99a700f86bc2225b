import type { Client } from 'pg';

/**
 * Runs `work` in a transaction of education's database with this row scope (jurisdiction and
 * schools, as the request transaction sets them), rolled back after: for tests that compare what
 * a scope reads with what it should.
 */
export async function withEducationScope<T>(
  client: Client,
  jurisdiction: string,
  schools: string,
  work: () => Promise<T>,
  sub = 'education-scope-test',
): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(
      `SELECT set_config('app.sub', $3, true), set_config('app.jurisdiction', $1, true), set_config('app.schools', $2, true),
              set_config('app.scopes', 'edu:enrolment,edu:care', true), set_config('app.purpose', 'education-support', true)`,
      [jurisdiction, schools, sub],
    );
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}
