import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { ChildRow } from '../subgraphs/civil-affairs/child/child.entity';
import { listChildren } from '../subgraphs/civil-affairs/child/child.repository';
import { areaArms } from '../subgraphs/civil-affairs/child/child.service';
import { statementText } from '../subgraphs/shared/prepared-statement';

/**
 * The statement the registry sends for a page of its `children` list (child.repository.ts), as a
 * province, city, county, township or village token's request would send it: captured from the repository itself,
 * run once through TypeORM (it only reads), so a benchmark explains exactly that statement.
 */
export class ChildPageStatement {
  private captured: [string, unknown[]][] = [];
  private readonly source: DataSource;

  constructor(appUrl: string) {
    // The list is sent prepared by its text: the logger then gets a query config `{ name, text }`.
    const capture = (query: unknown, parameters?: unknown[]) => void this.captured.push([statementText(query), parameters ?? []]);
    const logger: Logger = {
      logQuery: capture,
      logQueryError: () => {},
      logQuerySlow: () => {},
      logSchemaBuild: () => {},
      logMigration: () => {},
      log: () => {},
    };
    this.source = new DataSource({ type: 'postgres', url: appUrl, entities: [ChildRow], logging: ['query'], logger, extra: { max: 1 } });
  }

  async open(): Promise<void> {
    await this.source.initialize();
  }

  /**
   * The page of `first` after `afterId` (null: the first page) for a token of this jurisdiction (a code or several);
   * `singleStatement`: as the list read every page before migrations 1764700200000 and 1764700450000 (no area arms).
   */
  async of(jurisdiction: string | readonly string[], first: number, afterId: string | null, singleStatement = false): Promise<[string, unknown[]]> {
    const codes = typeof jurisdiction === 'string' ? [jurisdiction] : [...jurisdiction];
    return this.source.transaction(async (em) => {
      await em.query(`SELECT set_config('app.sub', 'bench-explain', true), set_config('app.jurisdiction', $1, true)`, [codes.join(',')]);
      this.captured = [];
      const principal = { jurisdiction: codes, schools: [], partner: null };
      await listChildren(em, {}, { limit: first + 1, afterId, first, cursorOf: (id) => id }, singleStatement ? null : areaArms(principal));
      const statement = this.captured.at(-1);
      if (!statement) throw new Error('the list sent no statement');
      return statement;
    });
  }

  async close(): Promise<void> {
    await this.source.destroy();
  }
}
