/**
 * FROZEN: the columns the registry set gained on this date, added identically to the subscribers' copies (first) and the
 * publisher's table, and the subscribers' row rules that use them. Never edit this file: a change is a new migration.
 * Imports nothing.
 */

/** The household and residence township (9 digits) and village (12) codes; null where the registry knows only the county. */
export const REGISTRY_SET_PLACE_COLUMNS_SQL = [
  `ALTER TABLE registry_feed.child
     ADD COLUMN household_township_code text, ADD COLUMN household_village_code text,
     ADD COLUMN residence_township_code text, ADD COLUMN residence_village_code text`,
];

export const DROP_REGISTRY_SET_PLACE_COLUMNS_SQL = [
  `ALTER TABLE registry_feed.child
     DROP COLUMN household_township_code, DROP COLUMN household_village_code,
     DROP COLUMN residence_township_code, DROP COLUMN residence_village_code`,
];

/** The copy's place: where the child lives or is registered, as finely as the registry knows. */
const COPY_IN_AREA = `(app_in_area(residence_region_code, residence_township_code, residence_village_code)
  OR app_in_area(household_region_code, household_township_code, household_village_code))`;

/**
 * A subscriber's row rules below the county. The copy of the registry set is reached at township
 * and village level (`reach`: what else opens a copy row there). Rows about a child that the
 * subscriber reaches through its own institutions (a school's enrolments, a programme's pairings)
 * are also readable to a township or village jurisdiction whose child it is: township and village
 * officials serve the children where they live, wherever those go to school. A county jurisdiction
 * keeps reaching them through its institutions only.
 */
export function subscriberPlaceRulesSql(appRole: string, reach: string, childRowTables: string[]): string[] {
  return [
    `DROP POLICY child_read ON registry_feed.child`,
    `CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (${COPY_IN_AREA} OR ${reach})`,
    // Whether the caller's jurisdiction names a township or village (a code of 7 digits or more).
    `CREATE FUNCTION app_has_local_jurisdiction() RETURNS boolean LANGUAGE sql STABLE AS
       $$ SELECT coalesce(app_setting('app.jurisdiction') ~ '[0-9]{7}', false) $$`,
    // Reads the copy as its owner: the copy's own row rule reaches back into the rows whose rule
    // calls this (a child is reachable through its enrolment), which would recurse. What it answers
    // depends on the request's jurisdiction alone.
    `CREATE FUNCTION app_child_in_local_area(p_child uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
       SELECT EXISTS (SELECT 1 FROM registry_feed.child r
                       WHERE r.child_id = p_child
                         AND EXISTS (SELECT 1 FROM unnest(app_list('app.jurisdiction')) AS prefix
                                      WHERE length(prefix) > 6
                                        AND (starts_with(coalesce(r.residence_village_code, r.residence_township_code, r.residence_region_code), prefix)
                                          OR starts_with(coalesce(r.household_village_code, r.household_township_code, r.household_region_code), prefix))))
     $$`,
    `REVOKE ALL ON FUNCTION app_child_in_local_area(uuid) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app_child_in_local_area(uuid) TO ${appRole}`,
    ...childRowTables.map(
      (table) => `CREATE POLICY ${table}_of_local_child ON ${table} FOR SELECT USING (app_has_local_jurisdiction() AND app_child_in_local_area(child_id))`,
    ),
  ];
}

export function dropSubscriberPlaceRulesSql(childRowTables: string[]): string[] {
  return [
    ...childRowTables.map((table) => `DROP POLICY ${table}_of_local_child ON ${table}`),
    `DROP FUNCTION app_child_in_local_area(uuid)`,
    `DROP FUNCTION app_has_local_jurisdiction()`,
  ];
}

/** A subscriber's whole migration of this date: the copy's new columns (before the publisher sends them), then its place rules. */
export function subscriberPlacesUpSql(appRole: string, reach: string, childRowTables: string[]): string[] {
  return [...REGISTRY_SET_PLACE_COLUMNS_SQL, ...subscriberPlaceRulesSql(appRole, reach, childRowTables)];
}

/** Undoes it: the copy's row rule back as 1764100000000 wrote it, with `reach`. */
export function subscriberPlacesDownSql(reach: string, childRowTables: string[]): string[] {
  return [
    ...dropSubscriberPlaceRulesSql(childRowTables),
    `DROP POLICY child_read ON registry_feed.child`,
    `CREATE POLICY child_read ON registry_feed.child FOR SELECT USING (
       app_in_jurisdiction(residence_region_code) OR app_in_jurisdiction(household_region_code) OR ${reach})`,
    ...DROP_REGISTRY_SET_PLACE_COLUMNS_SQL,
  ];
}
