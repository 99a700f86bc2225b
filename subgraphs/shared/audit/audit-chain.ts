import { createHash } from 'node:crypto';
import type { Client } from 'pg';

/** The `prev_hash` of the first entry (the SQL function append_access_log starts from the same). */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of one access-log row, as the chain hashes them. */
export interface ChainedEntry {
  seq: string;
  atMicros: string;
  requestId: string;
  actor: string;
  org: string;
  purpose: string | null;
  action: string;
  childId: string;
  categories: string[];
}

const field = (value: string | null) => `${Array.from(value ?? '').length}:${value ?? ''}`;

/** The entry's hash, computed here independently of the database's own function. */
export function entryHash(prev: string, entry: ChainedEntry): string {
  const content = [
    prev,
    entry.seq,
    entry.atMicros,
    entry.requestId,
    entry.actor,
    entry.org,
    entry.purpose,
    entry.action,
    entry.childId,
    entry.categories.join(','),
  ]
    .map(field)
    .join('');
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export interface ChainReport {
  entries: number;
  /** The last hash: record it elsewhere, so a rewrite of the whole chain shows too. */
  head: string;
  /** The first entry that does not follow from the one before, if any. */
  brokenAt: { seq: string; reason: string } | null;
}

/** How many entries are read per statement while walking the chain. */
const BATCH_SIZE = 5000;

/** Walks the whole log in order and recomputes every link. */
export async function verifyChain(client: Client): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = '0';
  let entries = 0;
  for (;;) {
    const { rows } = await client.query(
      `SELECT seq::text AS seq_text, ((extract(epoch FROM at) * 1000000)::bigint)::text AS at_micros, request_id, actor, org, purpose, action,
              child_id::text, categories, prev_hash, hash
         FROM access_log WHERE seq > $1::bigint ORDER BY access_log.seq LIMIT $2`,
      [after, BATCH_SIZE],
    );
    for (const row of rows) {
      const entry: ChainedEntry = {
        seq: row.seq_text,
        atMicros: row.at_micros,
        requestId: row.request_id,
        actor: row.actor,
        org: row.org,
        purpose: row.purpose,
        action: row.action,
        childId: row.child_id,
        categories: row.categories,
      };
      if (row.prev_hash !== prev) return { entries, head: prev, brokenAt: { seq: entry.seq, reason: 'does not link to the entry before it' } };
      if (entryHash(prev, entry) !== row.hash) return { entries, head: prev, brokenAt: { seq: entry.seq, reason: 'its content does not match its hash' } };
      prev = row.hash;
      entries += 1;
      after = entry.seq;
    }
    if (rows.length < BATCH_SIZE) return { entries, head: prev, brokenAt: null };
  }
}
