/**
 * FROZEN: the access-log read policy of education and the women's federation, exactly as the migrations of this date ran it. Never edit this file: a change
 * to the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing.
 */
/** With audit:read, entries only about children the caller may see: those its copy of the registry shows it. */
export const ACCESS_LOG_READ_OF_VISIBLE_CHILDREN_SQL = [
  `DROP POLICY access_log_read ON access_log`,
  `CREATE POLICY access_log_read ON access_log FOR SELECT USING ('audit:read' = ANY (app_list('app.scopes'))
     AND EXISTS (SELECT 1 FROM registry_feed.child c WHERE c.child_id = access_log.child_id))`,
];

/** Back to any holder of audit:read. */
export const ACCESS_LOG_READ_OF_ANY_CHILD_SQL = [
  `DROP POLICY access_log_read ON access_log`,
  `CREATE POLICY access_log_read ON access_log FOR SELECT USING ('audit:read' = ANY (app_list('app.scopes')) AND (true))`,
];
