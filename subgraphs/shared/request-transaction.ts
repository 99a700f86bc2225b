import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { InternalCall } from '../../platform/internal-token';
import type { Logger } from '../../platform/logger';

/**
 * The rows a request may reach, as the per-transaction settings the row-level-security policies
 * read (`app.*`). A partner NGO's rows come only from its grants (consent and pairing, which each
 * agency's database reads from the women's federation's partner-grant feed): its jurisdiction and
 * school claims, if any, open nothing.
 */
export interface RowScope {
  sub: string;
  /** The scopes, for the few policies that depend on one (reading the access log needs audit:read). */
  scopes: ReadonlyArray<string>;
  jurisdiction: ReadonlyArray<string>;
  schools: ReadonlyArray<string>;
  partner: string | null;
  purpose: string | null;
}

function rowScopeOf(call: InternalCall): RowScope {
  const partner = call.principal.partner;
  return {
    sub: call.principal.sub,
    scopes: call.principal.scopes,
    jurisdiction: partner ? [] : call.principal.jurisdiction,
    schools: partner ? [] : call.principal.schools,
    partner,
    purpose: call.purpose,
  };
}

/**
 * Each request's row scope: its transaction, opened with the caller's row limits. Whatever happens
 * to the request (the client goes away, it fails outside GraphQL), the connection goes back to the
 * pool when the response closes; a committed transaction is left as it is.
 */
export async function openRowScope(
  db: DataSource,
  call: InternalCall,
  response: { once(event: 'close', listener: () => void): unknown },
  logger: Logger,
): Promise<RequestTransaction> {
  const transaction = await RequestTransaction.open(db, rowScopeOf(call));
  response.once('close', () => void transaction.abort().catch((err: unknown) => logger.error({ err }, 'rollback failed')));
  return transaction;
}

/**
 * One database transaction per GraphQL request, opened with the request's row scope as
 * transaction-local settings, so every statement of the request, on the one connection it holds,
 * is filtered by row-level security. Mutations nest in it as savepoints. Settings are
 * `set_config(..., true)`: they end with the transaction and never reach another request.
 */
export class RequestTransaction {
  private done = false;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(db: DataSource, scope: RowScope): Promise<RequestTransaction> {
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(
        `SELECT set_config('app.sub', $1, true), set_config('app.jurisdiction', $2, true), set_config('app.schools', $3, true),
                set_config('app.partner', $4, true), set_config('app.purpose', $5, true),
                set_config('app.scopes', $6, true)`,
        [scope.sub, scope.jurisdiction.join(','), scope.schools.join(','), scope.partner ?? '', scope.purpose ?? '', scope.scopes.join(',')],
      );
      return new RequestTransaction(runner);
    } catch (err) {
      await runner.release().catch(() => undefined);
      throw err;
    }
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Commits what the request did and returns the connection; a second call does nothing. */
  async finish(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.commitTransaction();
    } finally {
      await this.runner.release();
    }
  }

  /** Rolls back (the client went away, or the request failed outside GraphQL); a no-op once finished. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}
