import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { isTownshipCode, regionFullName, townshipName } from '../../standards/regions';
import type { Authenticator } from '../authenticate';
import type { GatewayContext } from '../context';
import { statedPurpose } from '../purpose';
import { collectSchool, collectTownship, ExportRefusal, schoolPageOperation, TOWNSHIP_SCHOOLS_OPERATION, type RunOperation } from './collect';
import { categoriesRead, closedCategories, planExport } from './coverage';
import { FORMATS, toCsv, toXlsx, type FormatName } from './file-formats';
import { FORMS, type FormName } from './forms';
import { buildSheet, type ExportScope } from './sheet';

export interface ExportRouteOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The same context /graphql builds: authentication, the stated purpose, a request id. */
  context: (req: Request, res: Response) => Promise<GatewayContext>;
  authenticator: Authenticator;
  /** The API schema the gateway serves now (null until it has loaded). */
  schema: () => GraphQLSchema | null;
  logger: Logger;
  /** Children per GraphQL page (GATEWAY_EXPORT_PAGE_SIZE). */
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARAMETERS = new Set(['school', 'township', 'format']);

/** The day the form is filled in (填报时间), in China. */
function chinaDate(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** RFC 5987 ext-value: every byte outside attr-char percent-encoded. */
function extValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment` with an ASCII `filename` for old clients and the Chinese name in `filename*` (RFC 6266, RFC 5987). */
export function contentDisposition(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${extValue(name)}`;
}

/** What is exported from, validated: 400 for a malformed or missing parameter, 404 for a township that does not exist. */
function exportScope(query: Request['query']): { scope: ExportScope; format: FormatName } {
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.has(name)) throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, `Unknown parameter "${name}": use school or township, and format.`);
    if (typeof value !== 'string') throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, `Parameter "${name}" must be given once.`);
  }
  const { school, township, format = 'xlsx' } = query as Record<string, string | undefined>;
  if (!(format in FORMATS)) throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, 'format must be csv or xlsx.');
  if ((school === undefined) === (township === undefined))
    throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, 'Give exactly one of school (a school id) or township (a 9-digit township code).');
  if (school !== undefined) {
    if (!UUID.test(school)) throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, 'school must be a school id (UUID).');
    return { scope: { kind: 'school', schoolId: school }, format: format as FormatName };
  }
  if (!/^\d{9}$/.test(township!)) throw new ExportRefusal(400, ErrorCode.INVALID_REGION_CODE, 'township must be a 9-digit township (乡镇) code.');
  const name = isTownshipCode(township!) ? townshipName(township!) : null;
  if (!name) throw new ExportRefusal(404, ErrorCode.NOT_FOUND, `Township ${township} was not found.`);
  return { scope: { kind: 'township', code: township!, name, county: regionFullName(township!.slice(0, 6)) }, format: format as FormatName };
}

/** Runs an operation through Apollo exactly as POST /graphql does, with the export request's own credentials and purpose. */
function operationRunner(options: ExportRouteOptions, req: Request, res: Response): RunOperation {
  return async (query, variables) => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query, variables } },
      context: () => options.context(req, res),
    });
    let body = '';
    if (response.body.kind === 'complete') body = response.body.string;
    else for await (const chunk of response.body.asyncIterator) body += chunk;
    return { ...JSON.parse(body), requestId: response.headers.get('x-request-id') ?? null };
  };
}

function refuse(res: Response, refusal: ExportRefusal): void {
  if (refusal.status === 401) res.set('www-authenticate', 'Bearer');
  res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}

/** The credentials' refusals (401, 403) as export refusals. */
function asRefusal(err: unknown): ExportRefusal | null {
  if (err instanceof ExportRefusal) return err;
  const extensions = (err as { extensions?: { code?: string; http?: { status?: number } } })?.extensions;
  if (extensions?.code && extensions.http?.status) return new ExportRefusal(extensions.http.status, extensions.code, (err as Error).message);
  return null;
}

/**
 * GET /exports/registration-forms and /exports/summary-table (seed 003, 附件 1 and 2) for a school
 * (`school=<id>`) or a township's schools (`township=<9 digits>`), as `format=csv|xlsx`. The caller
 * authenticates and states a purpose as for /graphql; the columns its scopes do not open are
 * decided first and left out (the file names them), and the rest is read through the gateway's own
 * GraphQL pipeline, page by page, so every field and row rule, the purpose rule and the subgraphs'
 * access logs apply exactly as to any query.
 */
export function serveExports(app: Express, options: ExportRouteOptions): void {
  app.get('/exports/:form', async (req, res) => {
    const started = Date.now();
    try {
      const form = FORMS[req.params.form as FormName];
      if (!Object.hasOwn(FORMS, req.params.form) || !form) {
        throw new ExportRefusal(404, ErrorCode.NOT_FOUND, 'No such export: use registration-forms or summary-table.');
      }
      const principal = await options.authenticator.authenticate(req.headers.authorization);
      const purpose = statedPurpose(req.headers['x-purpose'], principal);
      if (!purpose) throw new ExportRefusal(400, ErrorCode.PURPOSE_REQUIRED, 'An export names children: state your purpose in the X-Purpose header.');
      const { scope, format } = exportScope(req.query);
      const schema = options.schema();
      if (!schema) throw new ExportRefusal(503, ErrorCode.SERVICE_UNAVAILABLE, 'The gateway has not loaded its schema yet; try again shortly.');

      const plan = planExport(form, schema, principal.scopes);
      const operations = [schoolPageOperation(plan.selection), ...(scope.kind === 'township' ? [TOWNSHIP_SCHOOLS_OPERATION] : [])];
      if (operations.some((operation) => closedCategories(categoriesRead(schema, operation), principal.scopes).length)) {
        throw new ExportRefusal(
          403,
          ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE,
          'Your scopes do not open a school’s pupils and their names: there is nothing of this form you may export.',
        );
      }

      const requestIds: string[] = [];
      const reader = { run: operationRunner(options, req, res), selection: plan.selection, pageSize: options.pageSize, requestIds };
      const schools = scope.kind === 'school' ? [await collectSchool(reader, scope.schoolId)] : await collectTownship(reader, scope.code);
      const filledOn = chinaDate();
      const sheet = buildSheet(form, plan, scope, schools, filledOn);
      const file = format === 'csv' ? toCsv(sheet) : await toXlsx(sheet);

      const place = scope.kind === 'school' ? schools[0].school.name : scope.name;
      const asciiName = `${form.asciiName}-${scope.kind === 'school' ? scope.schoolId : scope.code}-${filledOn}.${FORMATS[format].extension}`;
      // Who exported what: the reads themselves are in each subgraph's access log under requestIds.
      options.logger.info(
        {
          export: form.asciiName,
          sub: principal.sub,
          org: principal.org,
          purpose,
          school: scope.kind === 'school' ? scope.schoolId : undefined,
          township: scope.kind === 'township' ? scope.code : undefined,
          format,
          rows: sheet.rows.length,
          omitted: plan.omissions.map((omission) => (omission.parts.length ? `${omission.column}（${omission.parts.join('、')}）` : omission.column)),
          requestIds,
          durationMs: Date.now() - started,
        },
        'export served',
      );
      res
        .status(200)
        .set({
          'content-type': FORMATS[format].contentType,
          'content-disposition': contentDisposition(asciiName, `${form.title}_${place}_${filledOn}.${FORMATS[format].extension}`),
          // Children's data: never kept by a browser or a proxy.
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .send(file);
    } catch (err) {
      const refusal = asRefusal(err);
      if (refusal) {
        if (refusal.status >= 500) options.logger.warn({ export: req.params.form, code: refusal.code, upstreamCode: refusal.upstreamCode }, 'export refused');
        refuse(res, refusal);
        return;
      }
      options.logger.error({ err, export: req.params.form }, 'export failed');
      refuse(res, new ExportRefusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.'));
    }
  });
}
