import type { InternalCall } from '../../../platform/internal-token';
import type { AccessAction } from './access-log.type';

/**
 * A string as a PostgreSQL literal, exactly as pg's `escapeLiteral` writes it (quotes doubled;
 * with a backslash, an E'' literal with backslashes doubled), in a few native replaces instead of
 * its loop that appends one character at a time (the log's JSON is kilobytes per request).
 */
function literal(value: string): string {
  const quoted = `'${value.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return value.includes('\\') ? ` E${quoted}` : quoted;
}

/**
 * Collects, during one request, which children's data it read or wrote in which categories, and
 * appends them to the access log in one statement sent with the request's COMMIT.
 */
export class AccessRecorder {
  // By action, then by child: keyed by the row's own id string (its hash already computed), not a
  // new `action:id` string per field per row (record runs for every audited field of every row).
  private readonly entries = new Map<AccessAction, Map<string, Set<string>>>();

  record(childId: string, category: string, action: AccessAction): void {
    let children = this.entries.get(action);
    if (!children) this.entries.set(action, (children = new Map()));
    const categories = children.get(childId);
    if (categories) categories.add(category);
    else children.set(childId, new Set([category]));
  }

  /**
   * The statement that appends the request's entries, for the transaction to send with its COMMIT
   * (one round trip: the chain's lock is held only for the commit), or null when there is none.
   * It is sent as a simple-protocol message, so its values are escaped literals (JSON escapes its
   * own control characters; a NUL elsewhere is refused).
   */
  appendStatement(call: InternalCall): string | null {
    const entries = [...this.entries].flatMap(([action, children]) =>
      [...children].map(([childId, categories]) => ({ childId, action, categories: [...categories] })),
    );
    this.entries.clear();
    if (!entries.length) return null;
    const values = [call.requestId, call.principal.sub, call.principal.org, call.purpose, JSON.stringify(entries)];
    // A NUL would end the message early: refused, so the request is withheld (AUDIT_UNAVAILABLE).
    if (values.some((value) => value?.includes('\u0000'))) throw new Error('an access-log value holds a NUL character');
    const [requestId, actor, org, purpose, json] = values.map((value) => (value === null ? 'NULL' : literal(value)));
    return `SELECT append_access_log(${requestId}, ${actor}, ${org}, ${purpose}, ${json}::jsonb)`;
  }
}
