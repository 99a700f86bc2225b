import busboy from 'busboy';
import type { ApolloServer } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../context';
import { readFormFile, type FileRow } from './form-file';
import { ImportRefused } from './import-errors';

/** Largest file accepted: a county's 20,000 forms as .xlsx or CSV fit well within it. */
export const IMPORT_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
/** How long the import's subgraph call may take: a little longer than the subgraphs' own bound on an import's transaction (45 s). */
export const IMPORT_SUBGRAPH_TIMEOUT_MS = 50_000;
/** Most rows one file may hold (the subgraphs' limit for one import). */
export const IMPORT_MAX_ROWS = 20_000;

const RESULT = 'rows written created alreadyPresent problems { line field code message }';
const REGISTER = `mutation ImportRegistrationForms($input: ImportChildrenInput!) { importChildren(input: $input) { ${RESULT} } }`;
const PROPOSE = `mutation ProposeRegistrationForms($input: ProposeChildrenInput!) { proposeChildren(input: $input) { ${RESULT} } }`;

/** The scopes of importChildren and proposeChildren: a token with neither has no file read. */
const IMPORT_SCOPES = ['child:write', 'edu:write'];

/** The HTTP status of a refusal the mutation answered with, by its code. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  UNAUTHORIZED_FIELD_OR_TYPE: 403,
  FORBIDDEN_PURPOSE: 403,
  OUTSIDE_JURISDICTION: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
};

interface Upload {
  file: Buffer | null;
  fields: Record<string, string>;
}

/** The multipart body: one `file` part (at most `limit` bytes) and the small fields `schoolId`, `onlyValidRows`. */
function readUpload(req: Request, limit: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 200, parts: 6 } });
    } catch {
      reject(new ImportRefused('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data, in a part named “file”.'));
      return;
    }
    const upload: Upload = { file: null, fields: {} };
    let refused: ImportRefused | null = null;
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        refused ??= new ImportRefused('FILE_TOO_LARGE', `The file is larger than ${limit / 1024 / 1024} MB: split it.`, { limitBytes: limit });
      });
      stream.on('close', () => {
        if (name === 'file') upload.file = Buffer.concat(chunks);
      });
    });
    parser.on('field', (name, value) => {
      upload.fields[name] = value;
    });
    const tooMany = () => (refused ??= new ImportRefused('BAD_REQUEST', 'An import takes one file and the fields schoolId and onlyValidRows.'));
    parser.on('partsLimit', tooMany);
    parser.on('filesLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('error', () => reject(new ImportRefused('BAD_REQUEST', 'The multipart body cannot be read.')));
    parser.on('close', () => (refused ? reject(refused) : resolve(upload)));
    req.pipe(parser);
  });
}

function refuse(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  if (!res.headersSent) res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

export interface RegistrationFormImportOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The request's context as /graphql builds it (bearer token, stated purpose): the import runs as the caller. */
  context: (req: Request, res: Response) => Promise<GatewayContext>;
  logger: Logger;
  fileLimitBytes?: number;
}

/**
 * POST /imports/registration-forms: a file of registration forms (CSV or .xlsx) registered in bulk,
 * by civil affairs directly (importChildren) or, with a schoolId, proposed by the school
 * (proposeChildren). The file is read here; every rule about the rows is the subgraph's, reached
 * through the gateway's own pipeline (authentication, purpose, field and input authorization,
 * limits, the decision log) with the caller's token, exactly as if the mutation were sent to
 * /graphql. CSRF: only a bearer token authenticates (never a cookie), and a non-simple header
 * (X-Purpose, or apollo-require-preflight) is required, so no page can make a browser send it.
 */
export function serveRegistrationFormImports(app: Express, options: RegistrationFormImportOptions): void {
  const limit = options.fileLimitBytes ?? IMPORT_FILE_LIMIT_BYTES;
  app.post('/imports/registration-forms', async (req, res) => {
    try {
      if (!req.headers['x-purpose'] && !req.headers['apollo-require-preflight']) {
        throw new ImportRefused(
          'CSRF_HEADER_REQUIRED',
          'Send the X-Purpose header (or apollo-require-preflight): it protects the import from cross-site requests.',
        );
      }
      if (!req.is('multipart/form-data')) throw new ImportRefused('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data, in a part named “file”.');
      // Authenticated before the body is read: nobody without a valid token makes the gateway parse a file.
      const context = await options.context(req, res);
      // A file is work for the gateway (parsing a full workbook takes seconds): only a token that
      // may write what an import writes has it read. The mutation still checks everything.
      if (!IMPORT_SCOPES.some((scope) => context.principal.scopes.includes(scope))) {
        throw new ImportRefused('UNAUTHORIZED_FIELD_OR_TYPE', 'Your token may neither register (child:write) nor propose (edu:write) children.');
      }
      const upload = await readUpload(req, limit);
      if (!upload.file) throw new ImportRefused('FILE_REQUIRED', 'The request has no part named “file”.');
      const { rows, headerOf } = await readFormFile(upload.file, IMPORT_MAX_ROWS);
      await runImport(res, options, context, upload.fields, rows, headerOf);
    } catch (err) {
      if (err instanceof ImportRefused) return refuse(res, err.status, err.code, err.message, err.details);
      const graphQLError = err as { message?: string; extensions?: { code?: string; http?: { status?: number } } };
      if (graphQLError.extensions?.code) {
        return refuse(res, graphQLError.extensions.http?.status ?? 400, graphQLError.extensions.code, graphQLError.message ?? 'Refused.');
      }
      options.logger.error({ err }, 'registration-form import failed');
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    }
  });
}

interface ImportResult {
  rows: number;
  written: boolean;
  created: number;
  alreadyPresent: number;
  problems: { line: number; field: string | null; code: string; message: string }[];
}

async function runImport(
  res: Response,
  options: RegistrationFormImportOptions,
  contextValue: GatewayContext,
  fields: Record<string, string>,
  rows: FileRow[],
  headerOf: Map<string, string>,
): Promise<void> {
  const onlyValidRows = fields.onlyValidRows === 'true';
  const schoolId = fields.schoolId?.trim();
  const [query, input, field] = schoolId
    ? [PROPOSE, { schoolId, rows, onlyValidRows }, 'proposeChildren']
    : [REGISTER, { rows, onlyValidRows }, 'importChildren'];
  const response = await options.apollo.executeOperation(
    { query, variables: { input } },
    { contextValue: { ...contextValue, subgraphTimeoutMs: IMPORT_SUBGRAPH_TIMEOUT_MS } },
  );
  const requestId = response.http.headers.get('x-request-id');
  if (requestId) res.setHeader('x-request-id', requestId);
  if (response.body.kind !== 'single') return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  const { data, errors } = response.body.singleResult;
  const result = (data as Record<string, ImportResult | null> | null | undefined)?.[field];
  if (!result) {
    const error: GraphQLFormattedError | undefined = errors?.[0];
    const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const status =
      STATUS_BY_CODE[code] ?? (response.http.status && response.http.status >= 400 ? response.http.status : code === 'INTERNAL_SERVER_ERROR' ? 502 : 400);
    return refuse(res, status, code, error?.message ?? 'The import was refused.', error?.extensions?.field ? { field: error.extensions.field } : {});
  }
  // Each problem names the column as the file wrote it, beside the field.
  const problems = result.problems.map((problem) => ({ ...problem, column: problem.field ? (headerOf.get(problem.field) ?? null) : null }));
  res.status(result.written ? 200 : 422).json({ ...result, problems });
}
