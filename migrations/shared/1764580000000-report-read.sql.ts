/**
 * FROZEN: the record of reads of figures (issue 13) as education and the women's federation
 * created it, the same as civil affairs' (1764570000000) with the school a figure was read of.
 * Never edit this file: a change is a new migration. Imports nothing.
 */

/** `report_read`: who read which figures of which region (or school), for what, as of when; the service's role records its own reads, and `audit:read` reads those of its jurisdiction. */
export function reportReadTableSql(appRole: string): string[] {
  return [
    `CREATE TABLE report_read (
       id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       at          timestamptz NOT NULL DEFAULT now(),
       request_id  text        NOT NULL,
       actor       text        NOT NULL,
       org         text        NOT NULL,
       purpose     text,
       region_code text        NOT NULL,
       school_id   uuid,
       figures     text[]      NOT NULL,
       as_of       date        NOT NULL
     )`,
    `ALTER TABLE report_read ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY report_read_record ON report_read FOR INSERT WITH CHECK (actor = app_setting('app.sub'))`,
    `CREATE POLICY report_read_audit ON report_read FOR SELECT USING ('audit:read' = ANY (app_list('app.scopes')) AND app_in_jurisdiction(region_code))`,
    `GRANT SELECT, INSERT ON report_read TO ${appRole}`,
  ];
}
