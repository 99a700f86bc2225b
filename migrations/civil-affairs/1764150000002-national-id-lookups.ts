import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application role, as named when this migration was written. */
const APP = 'civil_affairs_app';

/**
 * Every look-up by national ID (childByNationalId, registerChild and updateChild with one) is
 * written here, admitted or not, with who asked, for which organisation and through which
 * operation: the probe log. `admit_national_id_lookup` counts a principal's admitted look-ups of the
 * last hour (under a lock per principal, so replicas racing cannot exceed the limit) and refuses
 * past the limit. The application role may only call the function; nobody edits the log.
 */
export class NationalIdLookups1764150000002 implements MigrationInterface {
  name = 'NationalIdLookups1764150000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE national_id_lookup (
      id        bigserial   PRIMARY KEY,
      at        timestamptz NOT NULL DEFAULT clock_timestamp(),
      principal text        NOT NULL,
      org       text        NOT NULL,
      operation text        NOT NULL,
      admitted  boolean     NOT NULL
    )`);
    await db.query(`CREATE INDEX national_id_lookup_principal_idx ON national_id_lookup (principal, at) WHERE admitted`);
    await db.query(`ALTER TABLE national_id_lookup ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE FUNCTION admit_national_id_lookup(p_principal text, p_org text, p_operation text, p_per_hour integer) RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_admitted boolean;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('national_id_lookup:' || p_principal));
        v_admitted := (SELECT count(*) FROM national_id_lookup
                        WHERE principal = p_principal AND admitted AND at > clock_timestamp() - interval '1 hour') < p_per_hour;
        INSERT INTO national_id_lookup (principal, org, operation, admitted) VALUES (p_principal, p_org, p_operation, v_admitted);
        RETURN v_admitted;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION admit_national_id_lookup(text, text, text, integer) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION admit_national_id_lookup(text, text, text, integer) TO ${APP}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION admit_national_id_lookup(text, text, text, integer)`);
    await db.query(`DROP TABLE national_id_lookup`);
  }
}
