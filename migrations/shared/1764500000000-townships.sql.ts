/**
 * FROZEN: the area function and the township columns the township migrations of the three databases created on this
 * date. Never edit this file: a change to the schema is a new migration (and, if shared, a new file here named by its
 * date). Imports nothing.
 */

/**
 * Whether the caller's jurisdiction reaches a place known down to the county, township or village:
 * the finest code known is matched against the jurisdiction's prefixes (as app_in_jurisdiction
 * does), so a county, a township (9 digits) or a village (12 digits) reaches exactly the places
 * inside it, and a place known only to the county is reached by no township or village. Written
 * without a subquery so the planner inlines it into every policy (a function call per row would
 * cost more than the rest of the policy).
 */
export const AREA_FUNCTION_SQL = [
  `CREATE FUNCTION app_in_area(region text, township text, village text) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT coalesce(village, township, region) ^@ ANY (app_list('app.jurisdiction')) $$`,
];

export const DROP_AREA_FUNCTION_SQL = ['DROP FUNCTION app_in_area(text, text, text)'];

/** A table placed by county (`region_code`) gains its township (9-digit code, in the county) and village name. */
export function townshipColumnsSql(table: string): string[] {
  return [
    `ALTER TABLE ${table}
       ADD COLUMN township_code char(9),
       ADD COLUMN village       text CHECK (char_length(village) <= 100),
       ADD CONSTRAINT ${table}_township_in_county CHECK (township_code IS NULL OR left(township_code, 6) = region_code)`,
  ];
}

export function dropTownshipColumnsSql(table: string): string[] {
  return [`ALTER TABLE ${table} DROP COLUMN township_code, DROP COLUMN village`];
}

/** The `<table>_insert` and `<table>_update` policies of a placed table, rebuilt with `inArea`. */
export function placedTableWritePoliciesSql(table: string, inArea: string): string[] {
  return [
    `DROP POLICY ${table}_insert ON ${table}`,
    `DROP POLICY ${table}_update ON ${table}`,
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (${inArea})`,
    `CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (${inArea}) WITH CHECK (${inArea})`,
  ];
}

/** How else a child row is reached in civil affairs, as 1764100000000 wrote it: by school staff while enrolled, by a consented partner. */
export const CHILD_SCHOOL_AND_PARTNER_REACH = `
  OR (cardinality(app_list('app.schools')) > 0 AND EXISTS (
        SELECT 1 FROM enrolment_feed.enrolment e
         WHERE e.child_id = child.id AND e.status IN ('ENROLLED', 'SUSPENDED', 'DROPPED_OUT') AND e.school_id::text = ANY (app_list('app.schools'))))
  OR (app_setting('app.partner') IS NOT NULL AND partner_feed.fresh() AND EXISTS (
        SELECT 1 FROM partner_feed.child_grant g
         WHERE g.child_id = child.id AND g.purpose = app_setting('app.purpose') AND 'child:masked' = ANY (g.categories)
           AND current_date <= g.valid_until))`;
