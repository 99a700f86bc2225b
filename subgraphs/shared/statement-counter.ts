import type { Logger as OrmLogger } from 'typeorm';
import { Counter, type Registry } from 'prom-client';
import { statementText } from './prepared-statement';

/**
 * A TypeORM logger that counts every SQL statement sent, for the `db_statements_total` metric.
 * It is how we show that a list query costs a fixed number of statements (DESIGN 6.6). Prepared
 * statements pass through it too, as query configs (`{ name, text }`).
 */
export class StatementCountingLogger implements OrmLogger {
  private readonly counter: Counter;

  constructor(
    registry: Registry,
    private readonly onSlowQuery: (sql: string, ms: number) => void,
  ) {
    // One counter per registry, shared by the owner's and the application role's connections.
    this.counter =
      (registry.getSingleMetric('db_statements_total') as Counter | undefined) ??
      new Counter({ name: 'db_statements_total', help: 'SQL statements sent to PostgreSQL.', registers: [registry] });
  }

  logQuery(): void {
    this.counter.inc();
  }
  logQueryError(): void {}
  logQuerySlow(time: number, query: unknown): void {
    this.onSlowQuery(statementText(query), time);
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
