import { escapeLiteral } from 'pg';
import type { InternalCall } from '../../../platform/internal-token';
import type { AccessAction } from './access-log.type';

/**
 * Collects, during one request, which children's data it read or wrote in which categories, and
 * appends them to the access log in one statement sent with the request's COMMIT.
 */
export class AccessRecorder {
  private readonly entries = new Map<string, { childId: string; action: AccessAction; categories: Set<string> }>();

  record(childId: string, category: string, action: AccessAction): void {
    const key = `${action}:${childId}`;
    const entry = this.entries.get(key);
    if (entry) entry.categories.add(category);
    else this.entries.set(key, { childId, action, categories: new Set([category]) });
  }

  /**
   * The statement that appends the request's entries, for the transaction to send with its COMMIT
   * (one round trip: the chain's lock is held only for the commit), or null when there is none.
   * It is sent as a simple-protocol message, so its values are escaped literals (JSON escapes its
   * own control characters; a NUL elsewhere is refused).
   */
  appendStatement(call: InternalCall): string | null {
    if (!this.entries.size) return null;
    const entries = [...this.entries.values()].map((entry) => ({ childId: entry.childId, action: entry.action, categories: [...entry.categories] }));
    this.entries.clear();
    const values = [call.requestId, call.principal.sub, call.principal.org, call.purpose, JSON.stringify(entries)];
    // A NUL would end the message early: refused, so the request is withheld (AUDIT_UNAVAILABLE).
    if (values.some((value) => value?.includes('\u0000'))) throw new Error('an access-log value holds a NUL character');
    const [requestId, actor, org, purpose, json] = values.map((value) => (value === null ? 'NULL' : escapeLiteral(value)));
    return `SELECT append_access_log(${requestId}, ${actor}, ${org}, ${purpose}, ${json}::jsonb)`;
  }
}
