import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { GraphQLError } from 'graphql';
import { escapeLiteral } from 'pg';
import { ErrorCode, unauthenticated } from '../../platform/errors';
import { isDataException, isDatabaseOutage } from '../../platform/sql-state';
import type { InternalCall } from '../../platform/internal-token';
import type { Logger } from '../../platform/logger';
import type { SingleUseToken } from './verify-call';

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
 * Each request's row scope: its transaction, opened with the caller's row limits and timeouts, in
 * the round trip that spends the call's token (a replay opens nothing and is refused, 401).
 * Past the request deadline, or when the caller goes away before the answer is sent (the gateway
 * gave up), the transaction is rolled back: a write whose client is gone never commits later.
 */
export async function openRowScope(
  db: DataSource,
  call: InternalCall,
  token: SingleUseToken,
  response: { once(event: 'close', listener: () => void): unknown; readonly writableFinished: boolean },
  limits: TransactionLimits,
  logger: Logger,
): Promise<RequestTransaction> {
  const transaction = await RequestTransaction.open(db, rowScopeOf(call), limits, logger, token);
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

  /**
   * Opens the transaction; with `token`, spends the call's token first, in the same message:
   * `SELECT spend_internal_call(…); COMMIT; START TRANSACTION; <row scope>`. In a simple-protocol
   * message of several statements, those before the COMMIT form an implicit transaction block it
   * commits, so the claim is durable before the request's own transaction starts, whatever becomes
   * of that one. On a replay the spend fails and the server skips the rest of the message: no
   * transaction opens, and the refusal is 401.
   */
  static async open(db: DataSource, scope: RowScope, limits: TransactionLimits, logger: Logger, token?: SingleUseToken): Promise<RequestTransaction> {
    // Refused before anything is sent: the settings travel as literals, in which a NUL would end the
    // message. The token is spent all the same (alone): a refused call's token is used up.
    if (rowScopeValues(scope).some((value) => value.includes('\u0000'))) {
      // A replay: spendAlone has logged it (token.replayed() would log it twice).
      if (token && !(await token.spendAlone())) throw unauthenticated('The internal token is not valid.');
      throw refusedSetting();
    }
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
      // One round trip: the token's claim, BEGIN and the row scope travel together (a simple-protocol
      // message of several statements, so no parameters: the values are escaped literals).
      await runner.query(`${token ? `${token.statement()}; COMMIT; ` : ''}START TRANSACTION; ${rowScopeSql(scope, limits)}`);
      transaction.marked(true);
      return transaction;
    } catch (err) {
      // The transaction may be open and failed: end it before the connection goes back.
      await transaction.abort('failed');
      if (token?.isReplay(err)) throw token.replayed();
      throw setupFailure(err);
    }
  }

  /** Tells TypeORM whether a transaction is open (we open and end it ourselves), so mutations nest as savepoints. */
  private marked(active: boolean): void {
    const state = this.runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = active;
    state.transactionDepth = active ? 1 : 0;
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Whether the transaction is still open (neither committed nor rolled back). */
  get open(): boolean {
    return this.state === 'open';
  }

  /**
   * Runs `lastStatement` (the access-log append) and commits, in one round trip, and returns the
   * connection; throws (after rolling back) if either fails. If the last statement fails, the server
   * skips the COMMIT and the transaction is rolled back here: nothing of the request is saved. The
   * chain's lock, taken by the append, is held only for the commit itself, not across a round trip.
   */
  async finish(lastStatement: string | null = null): Promise<void> {
    if (this.state === 'committed') return;
    // Rolled back meanwhile (the deadline passed while the request ran): the caller must not answer as if saved.
    if (this.state === 'rolled back') throw new Error(`rolled back before its commit (${this.abortedBecause ?? 'failed'})`);
    try {
      await this.runner.query(lastStatement ? `${lastStatement}; COMMIT` : 'COMMIT');
      this.state = 'committed';
      this.marked(false);
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
    this.marked(false);
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
 * The row scope as one statement of `set_config(..., true)` calls with escaped literals. Values
 * come from the gateway's signed token; `escapeLiteral` quotes them (and a NUL is refused before).
 */
function rowScopeSql(scope: RowScope, limits: TransactionLimits): string {
  const settings: [string, string][] = [
    ['statement_timeout', `${limits.statementTimeoutMs}ms`],
    ['lock_timeout', `${limits.lockTimeoutMs}ms`],
    ['idle_in_transaction_session_timeout', `${limits.idleInTransactionTimeoutMs}ms`],
  ];
  const values = rowScopeValues(scope);
  ROW_SCOPE_SETTINGS.forEach((name, index) => settings.push([name, values[index]]));
  return `SELECT ${settings.map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ')}`;
}

/** The settings the row-security policies read, in the order of `rowScopeValues`. */
const ROW_SCOPE_SETTINGS = ['app.sub', 'app.jurisdiction', 'app.schools', 'app.partner', 'app.purpose', 'app.scopes'];

function rowScopeValues(scope: RowScope): string[] {
  return [scope.sub, scope.jurisdiction.join(','), scope.schools.join(','), scope.partner ?? '', scope.purpose ?? '', scope.scopes.join(',')];
}

function refusedSetting(): GraphQLError {
  return new GraphQLError('The call’s principal or purpose holds a value the database refuses (such as a NUL character).', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'principal', http: { status: 400 } },
  });
}

/**
 * A request that could not even start: an outage (503, which the gateway answers as
 * SERVICE_UNAVAILABLE at every path the call would have filled), or a principal or purpose the
 * database refuses as a setting (400); anything else stays an internal error.
 */
function setupFailure(err: unknown, connecting = false): unknown {
  if (isDataException(err)) return refusedSetting();
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
