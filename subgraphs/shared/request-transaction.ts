import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../platform/errors';
import { isDataException, isDatabaseOutage } from '../../platform/sql-state';
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

/** How long a request's transaction and each of its statements may take (README, Configuration). */
export interface TransactionLimits {
  /** PostgreSQL `statement_timeout`: one statement. */
  statementTimeoutMs: number;
  /** PostgreSQL `lock_timeout`: waiting for one lock (a row another request is changing). */
  lockTimeoutMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: the server ends a transaction nobody drives. */
  idleInTransactionTimeoutMs: number;
  /** The whole request, from opening its transaction to its commit: past it, everything is rolled back. */
  requestDeadlineMs: number;
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
 * Each request's row scope: its transaction, opened with the caller's row limits and timeouts.
 * Past the request deadline, or when the caller goes away before the answer is sent (the gateway
 * gave up), the transaction is rolled back: a write whose client is gone never commits later.
 */
export async function openRowScope(
  db: DataSource,
  call: InternalCall,
  response: { once(event: 'close', listener: () => void): unknown; readonly writableFinished: boolean },
  limits: TransactionLimits,
  logger: Logger,
): Promise<RequestTransaction> {
  const transaction = await RequestTransaction.open(db, rowScopeOf(call), limits, logger);
  transaction.armDeadline(limits.requestDeadlineMs);
  response.once('close', () => {
    transaction.disarmDeadline();
    // Closed before the answer was written: the caller is gone, or the request failed outside GraphQL.
    if (!response.writableFinished) void transaction.abort('caller gone');
  });
  return transaction;
}

/** Why a request's transaction was rolled back instead of committed. */
export type AbortReason = 'deadline' | 'caller gone' | 'failed';

/**
 * One database transaction per GraphQL request, opened with the request's row scope as
 * transaction-local settings, so every statement of the request, on the one connection it holds,
 * is filtered by row-level security. Mutations nest in it as savepoints. Settings are
 * `set_config(..., true)`: they end with the transaction and never reach another request.
 *
 * Its connection goes back to the pool only outside any transaction: every way out (commit,
 * rollback, a failed setup) ends the transaction first, and a connection on which that fails is
 * destroyed rather than returned, so no later request meets "current transaction is aborted".
 */
export class RequestTransaction {
  private state: 'open' | 'committed' | 'rolled back' = 'open';
  /** Set when the transaction was rolled back before the request finished. */
  abortedBecause: AbortReason | null = null;
  private readonly openedAt = Date.now();
  private deadline: NodeJS.Timeout | null = null;

  /** Rolls the request back `ms` after its transaction opened, unless it has ended by then. */
  armDeadline(ms: number): void {
    this.disarmDeadline();
    this.deadline = setTimeout(() => void this.abort('deadline'), Math.max(0, this.openedAt + ms - Date.now())).unref();
  }

  disarmDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
  }

  /**
   * A bulk write (an import of thousands of rows, one transaction) may take longer than a request:
   * its own deadline, and statements as long. The caller still bounds it (the gateway gives such a
   * call its own timeout, and a call it abandons is rolled back here).
   */
  async allowBulkWrite(ms: number): Promise<void> {
    this.armDeadline(ms);
    await this.manager.query(`SELECT set_config('statement_timeout', $1, true)`, [String(ms)]);
  }

  private constructor(
    private readonly runner: QueryRunner,
    private readonly logger: Logger,
  ) {}

  static async open(db: DataSource, scope: RowScope, limits: TransactionLimits, logger: Logger): Promise<RequestTransaction> {
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
    } catch (err) {
      await runner.release();
      logger.warn({ err }, 'no database connection for a request');
      throw setupFailure(err, true);
    }
    const transaction = new RequestTransaction(runner, logger);
    try {
      await runner.startTransaction();
      await runner.query(
        `SELECT set_config('statement_timeout', $7, true), set_config('lock_timeout', $8, true),
                set_config('idle_in_transaction_session_timeout', $9, true),
                set_config('app.sub', $1, true), set_config('app.jurisdiction', $2, true), set_config('app.schools', $3, true),
                set_config('app.partner', $4, true), set_config('app.purpose', $5, true), set_config('app.scopes', $6, true)`,
        [
          scope.sub,
          scope.jurisdiction.join(','),
          scope.schools.join(','),
          scope.partner ?? '',
          scope.purpose ?? '',
          scope.scopes.join(','),
          `${limits.statementTimeoutMs}ms`,
          `${limits.lockTimeoutMs}ms`,
          `${limits.idleInTransactionTimeoutMs}ms`,
        ],
      );
      return transaction;
    } catch (err) {
      // The transaction may be open and failed: end it before the connection goes back.
      await transaction.abort('failed');
      throw setupFailure(err);
    }
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Whether the transaction is still open (neither committed nor rolled back). */
  get open(): boolean {
    return this.state === 'open';
  }

  /** Commits what the request did and returns the connection; throws (after rolling back) if the commit fails. */
  async finish(): Promise<void> {
    if (this.state === 'committed') return;
    // Rolled back meanwhile (the deadline passed while the access log was appended): the caller must not answer as if saved.
    if (this.state === 'rolled back') throw new Error(`rolled back before its commit (${this.abortedBecause ?? 'failed'})`);
    try {
      await this.runner.commitTransaction();
      this.state = 'committed';
      await this.runner.release();
    } catch (err) {
      this.abortedBecause = 'failed';
      await this.end(err);
      throw err;
    }
  }

  /**
   * Rolls back and returns the connection (destroyed if the rollback fails); a no-op once the
   * transaction has ended. Safe while resolvers are still running: from this moment no statement
   * of theirs reaches the connection, which could otherwise run one after the rollback, outside
   * any transaction.
   */
  async abort(reason: AbortReason): Promise<void> {
    if (this.state !== 'open') return;
    this.abortedBecause ??= reason;
    if (reason !== 'failed') this.logger.warn({ reason }, 'request rolled back');
    await this.end(null);
  }

  private async end(cause: unknown): Promise<void> {
    this.state = 'rolled back';
    const runner = this.runner;
    // TypeORM already gave the connection back, as broken, when it failed.
    if (runner.isReleased) return;
    // TypeORM refuses every statement of a released runner; the flag is set at once, before any await.
    const flags = runner as { isReleased: boolean };
    flags.isReleased = true;
    const connection = (await runner.connect()) as { query(sql: string): Promise<unknown>; end(): Promise<void> };
    let healthy = !(cause instanceof Error && isConnectionLost(cause));
    if (healthy) {
      try {
        await connection.query('ROLLBACK');
      } catch {
        healthy = false;
      }
    }
    // An ending connection is discarded by the pool instead of handed to the next request.
    if (!healthy) void connection.end().catch(() => undefined);
    flags.isReleased = false;
    await runner.release().catch((err: unknown) => this.logger.warn({ err }, 'could not return a connection to the pool'));
  }
}

/**
 * A request that could not even start: an outage (503, which the gateway answers as
 * SERVICE_UNAVAILABLE at every path the call would have filled), or a principal or purpose the
 * database refuses as a setting (400); anything else stays an internal error.
 */
function setupFailure(err: unknown, connecting = false): unknown {
  if (isDataException(err)) {
    return new GraphQLError('The call’s principal or purpose holds a value the database refuses (such as a NUL character).', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'principal', http: { status: 400 } },
    });
  }
  if (connecting || isDatabaseOutage(err)) {
    return new GraphQLError('The agency’s database did not answer. Retry shortly.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, http: { status: 503 } },
    });
  }
  return err;
}

/** The connection itself failed (closed, reset, terminated): nothing can be sent on it any more. */
function isConnectionLost(err: Error): boolean {
  return /Connection terminated|ECONNRESET|EPIPE|not queryable|Client has encountered a connection error/i.test(err.message);
}
