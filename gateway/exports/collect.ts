import { ErrorCode } from '../../platform/errors';
import { ROW_SELECTION, type PupilRow } from './forms';

/** A school and the rows of its pupils the caller reaches. */
export interface SchoolRows {
  readonly school: { id: string; name: string; regionName: string | null; townshipName: string | null };
  readonly rows: PupilRow[];
}

/** One GraphQL operation run through the gateway's own pipeline with the caller's credentials. */
export type RunOperation = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** The gateway's id of the request: the id the subgraphs' access logs record. */
  requestId: string | null;
}>;

/** An export that cannot be served, with the HTTP status, stable code and message the client gets. */
export class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For the log: the code the graph answered with, when the client gets a generic one. */
    readonly upstreamCode?: string,
  ) {
    super(message);
  }
}

/** Lists are paged (at most 100 a page); an export walks every page. */
const PAGE_SIZE = 100;
/** A bound on the pages of one list, so a list that never ends cannot hold the gateway. */
const MAX_PAGES = 2000;

/** The operation that reads one page of a school's pupils with the planned selection. */
export function schoolPageOperation(selection: string): string {
  return `query ExportSchoolPage($school: ID!, $first: Int!, $after: String) {
  school(id: $school) {
    id name regionName townshipName
    enrolments(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${ROW_SELECTION} ${selection} } } }
  }
}`;
}

/** The operation that lists a township's schools, a page at a time. */
export const TOWNSHIP_SCHOOLS_OPERATION = `query ExportTownshipSchools($township: String!, $after: String) {
  schools(regionPrefix: $township, first: ${PAGE_SIZE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;

/** The gateway's cost limit refused a page: the export asks again for fewer children a page. */
class PageTooCostly extends Error {}

/** HTTP status of an error the graph answered with. */
const STATUS_OF: Readonly<Record<string, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.OUTSIDE_JURISDICTION]: 403,
  [ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE]: 403,
  [ErrorCode.PURPOSE_REQUIRED]: 400,
  [ErrorCode.FORBIDDEN_PURPOSE]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.AUDIT_UNAVAILABLE]: 503,
};

/**
 * Runs an operation and returns its data; any error fails the whole export (a file silently missing
 * a part of a school would be taken for the whole), with the graph's code and (masked) message.
 */
async function dataOf(run: RunOperation, query: string, variables: Record<string, unknown>, requestIds: string[]) {
  const answer = await run(query, variables);
  if (answer.requestId) requestIds.push(answer.requestId);
  const error = answer.errors?.[0];
  if (error?.extensions?.code === ErrorCode.QUERY_LIMIT_EXCEEDED && (error.extensions as { limit?: string }).limit === 'cost') throw new PageTooCostly();
  if (error || !answer.data) {
    const code = error?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
    const status = STATUS_OF[code];
    throw status
      ? new ExportRefusal(status, code, error?.message ?? 'The export failed.')
      : new ExportRefusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed.', code);
  }
  return answer.data;
}

/** Every page of a connection, through `page(after)`. */
async function allPages<T>(
  page: (after: string | null) => Promise<{ pageInfo: { hasNextPage: boolean; endCursor: string | null }; items: T[] }>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let count = 0; count < MAX_PAGES; count++) {
    const result = await page(after);
    items.push(...result.items);
    if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) return items;
    after = result.pageInfo.endCursor;
  }
  throw new ExportRefusal(413, 'EXPORT_TOO_LARGE', `The list runs to more than ${MAX_PAGES} pages; export a smaller area.`);
}

/**
 * How a list is read: the operation runner, the planned selection, the page size, and where each
 * request's id goes. The page size starts at the configured one and halves while the gateway's cost
 * limit refuses a page (a wide selection costs more per child): the limit is the gateway's own, so
 * the export neither repeats its arithmetic nor asks it to make an exception.
 */
export interface Reader {
  readonly run: RunOperation;
  readonly selection: string;
  pageSize: number;
  readonly requestIds: string[];
}

/** A school's pupils the caller reaches, every page, with the planned selection. */
export async function collectSchool(reader: Reader, schoolId: string): Promise<SchoolRows> {
  const operation = schoolPageOperation(reader.selection);
  let school: SchoolRows['school'] | null = null;
  const page = async (after: string | null) => {
    for (;;) {
      try {
        return await dataOf(reader.run, operation, { school: schoolId, first: reader.pageSize, after }, reader.requestIds);
      } catch (err) {
        if (!(err instanceof PageTooCostly) || reader.pageSize === 1) throw err;
        reader.pageSize = Math.max(1, Math.floor(reader.pageSize / 2));
      }
    }
  };
  const rows = await allPages<PupilRow>(async (after) => {
    const data = await page(after);
    if (!data.school) throw new ExportRefusal(404, ErrorCode.NOT_FOUND, `School ${schoolId} was not found.`);
    const { enrolments, ...rest } = data.school;
    school = rest;
    return { pageInfo: enrolments.pageInfo, items: enrolments.edges.map((edge: { node: PupilRow }) => edge.node) };
  });
  return { school: school!, rows };
}

/** The township's schools (the directory's), and each one's pupils the caller reaches. */
export async function collectTownship(reader: Reader, township: string): Promise<SchoolRows[]> {
  const schoolIds = await allPages<string>(async (after) => {
    const data = await dataOf(reader.run, TOWNSHIP_SCHOOLS_OPERATION, { township, after }, reader.requestIds);
    return { pageInfo: data.schools.pageInfo, items: data.schools.edges.map((edge: { node: { id: string } }) => edge.node.id) };
  });
  const schools: SchoolRows[] = [];
  for (const id of schoolIds) schools.push(await collectSchool(reader, id));
  return schools;
}
