/**
 * FROZEN: the row-security helper functions and the idempotency-key policy, exactly as the migrations of this date ran it. Never edit this file: a change to
 * the schema is a new migration (and, if shared, a new file here named by its date). Imports nothing.
 */
/**
 * SQL shared by the row-level-security migrations of the three databases. The policies read the
 * request's row scope from transaction-local settings (see request-transaction.ts):
 *   app.sub           the user
 *   app.jurisdiction  region-code prefixes, comma separated ('' = none)
 *   app.schools       school ids, comma separated
 *   app.partner       the partner organisation id of an NGO user ('' = none)
 *   app.purpose       the purpose the request stated
 *   app.scopes        the user's scopes (the access log's policy needs audit:read)
 *   app.partner_children  for a partner NGO, the children its guardians' consents open (civil affairs)
 * A setting that was never set reads as empty, so a connection without a row scope sees nothing.
 */
export const ROW_SECURITY_FUNCTIONS_SQL = [
  `CREATE FUNCTION app_list(setting text) RETURNS text[] LANGUAGE sql STABLE AS
     $$ SELECT coalesce(string_to_array(nullif(current_setting(setting, true), ''), ','), '{}'::text[]) $$`,
  `CREATE FUNCTION app_setting(setting text) RETURNS text LANGUAGE sql STABLE AS
     $$ SELECT nullif(current_setting(setting, true), '') $$`,
  `CREATE FUNCTION app_in_jurisdiction(code text) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT EXISTS (SELECT 1 FROM unnest(app_list('app.jurisdiction')) AS prefix WHERE starts_with(code, prefix)) $$`,
];

export const DROP_ROW_SECURITY_FUNCTIONS_SQL = ['DROP FUNCTION app_in_jurisdiction(text)', 'DROP FUNCTION app_setting(text)', 'DROP FUNCTION app_list(text)'];

/** Idempotency keys are the caller's own: nobody reads or replays another user's. */
export function idempotencyKeyPolicySql(appRole: string): string[] {
  return [
    `GRANT SELECT, INSERT, UPDATE ON idempotency_key TO ${appRole}`,
    'ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY',
    `CREATE POLICY own_keys ON idempotency_key USING (principal = app_setting('app.sub')) WITH CHECK (principal = app_setting('app.sub'))`,
  ];
}
