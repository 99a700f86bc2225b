import type { EntityManager } from 'typeorm';
import type { InternalCall } from '../../../platform/internal-token';
import type { AccessAction } from './access-log.type';

/**
 * Collects, during one request, which children's data it read or wrote in which categories, and
 * appends them to the access log in one statement just before the request's transaction commits.
 */
export class AccessRecorder {
  private readonly entries = new Map<string, { childId: string; action: AccessAction; categories: Set<string> }>();

  record(childId: string, category: string, action: AccessAction): void {
    const key = `${action}:${childId}`;
    const entry = this.entries.get(key);
    if (entry) entry.categories.add(category);
    else this.entries.set(key, { childId, action, categories: new Set([category]) });
  }

  async flush(db: EntityManager, call: InternalCall): Promise<void> {
    if (!this.entries.size) return;
    const entries = [...this.entries.values()].map((entry) => ({ childId: entry.childId, action: entry.action, categories: [...entry.categories] }));
    this.entries.clear();
    await db.query(`SELECT append_access_log($1, $2, $3, $4, $5::jsonb)`, [
      call.requestId,
      call.principal.sub,
      call.principal.org,
      call.purpose,
      JSON.stringify(entries),
    ]);
  }
}
