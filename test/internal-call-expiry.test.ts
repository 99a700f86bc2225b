import { randomUUID } from 'node:crypto';
import { database } from './support/system';

/**
 * Issue 14: `claim_internal_call` forgets expired claims by their expiry index (migration
 * 1764700000002). What it keeps, refuses and forgets is as before: a claim is refused the second
 * time, a live claim is never forgotten, and one call forgets at most 100 expired claims.
 */
describe('claim_internal_call', () => {
  it('claims once, forgets up to 100 expired claims per call, and never a live one', async () => {
    const owner = await database('education');
    const expired = Array.from({ length: 103 }, () => randomUUID());
    const live = randomUUID();
    // One transaction, rolled back: its claims are invisible to other tests' calls, which cannot forget them first.
    await owner.query('BEGIN');
    try {
      await owner.query(`INSERT INTO internal_call (jti, expires_at) SELECT unnest($1::uuid[]), now() - interval '1 hour'`, [expired]);
      await owner.query(`INSERT INTO internal_call (jti, expires_at) VALUES ($1, now() - interval '2 seconds')`, [live]);
      const left = async () => (await owner.query(`SELECT count(*)::int AS n FROM internal_call WHERE jti = ANY ($1::uuid[])`, [expired])).rows[0].n;
      const claim = async (jti: string) => (await owner.query(`SELECT claim_internal_call($1, now() + interval '1 minute') AS claimed`, [jti])).rows[0].claimed;

      const jti = randomUUID();
      expect(await claim(jti)).toBe(true);
      // The oldest go first (other expired claims are younger than an hour).
      expect(await left()).toBe(3);
      expect(await claim(jti)).toBe(false);
      expect(await left()).toBe(0);
      // Expired less than 5 seconds ago: kept (a token is refused by its expiry first anyway).
      expect((await owner.query(`SELECT 1 FROM internal_call WHERE jti = $1`, [live])).rowCount).toBe(1);
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
  });
});
