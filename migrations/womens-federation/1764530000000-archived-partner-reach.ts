import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'womens_federation_app';

/** A partner's reach through a pairing, as 1764150000001 and 1764500000000 wrote it, with `extra` added. */
const partnerPairingReach = (
  extra: string,
) => `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND p.partner_id::text = app_setting('app.partner'))
  AND pairing.since <= current_date AND (pairing.until IS NULL OR pairing.until >= current_date)
  AND app_partner_consents(pairing.child_id, 'wf:programmes')${extra}`;

const IN_AREA = `EXISTS (SELECT 1 FROM programme p WHERE p.id = pairing.programme_id AND app_in_area(p.region_code, p.township_code, NULL))`;

const partnerReachesSql = (extra: string) => `
  CREATE OR REPLACE FUNCTION app_partner_reaches(p_child uuid, p_category text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    RETURN app_setting('app.partner') IS NOT NULL
      AND EXISTS (SELECT 1 FROM pairing p JOIN programme pr ON pr.id = p.programme_id
                   WHERE p.child_id = p_child AND pr.partner_id::text = app_setting('app.partner')
                     AND p.since <= current_date AND (p.until IS NULL OR p.until >= current_date))
      AND app_partner_consents(p_child, p_category)${extra};
  END $$`;

/**
 * An archived file (归档) ends a partner's reach to the child here too, as it does in the registry:
 * the partner no longer lists the pairing nor reads the child's records, though the federation keeps
 * them (its county reaches them still). Learnt from the registry set's status, read as its owner.
 */
export class ArchivedPartnerReach1764530000000 implements MigrationInterface {
  name = 'ArchivedPartnerReach1764530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_child_archived(p_child uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM registry_feed.child WHERE child_id = p_child AND status = 'ARCHIVED')
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_child_archived(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_child_archived(uuid) TO ${APP}`);
    await this.rules(db, ` AND NOT app_child_archived(pairing.child_id)`, ` AND NOT app_child_archived(p_child)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.rules(db, '', '');
    await db.query(`DROP FUNCTION app_child_archived(uuid)`);
  }

  private async rules(db: QueryRunner, pairingExtra: string, functionExtra: string): Promise<void> {
    await db.query(partnerReachesSql(functionExtra));
    await db.query(`DROP POLICY pairing_read ON pairing`);
    await db.query(`CREATE POLICY pairing_read ON pairing FOR SELECT USING (${IN_AREA} OR (${partnerPairingReach(pairingExtra)}))`);
  }
}
