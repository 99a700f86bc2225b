import type { EntityManager } from 'typeorm';

/** Children whose active consents open `category` to the partner for `purpose`. */
export async function activeConsentsFor(db: EntityManager, partnerId: string, category: string, purpose: string): Promise<string[]> {
  const rows: { child_id: string }[] = await db.query(
    `SELECT DISTINCT child_id FROM consent
      WHERE partner_id = $1 AND $2 = ANY (categories) AND purpose = $3
        AND revoked_at IS NULL AND current_date BETWEEN given_on AND expires_on`,
    [partnerId, category, purpose],
  );
  return rows.map((row) => row.child_id);
}
