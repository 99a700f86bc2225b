/**
 * The stable codes of the registration-form import endpoint's refusals of a file or request, each
 * with its HTTP status (README: "Importing registration forms"). Problems with single rows are not
 * among them: those come back per line, with the mutation's codes.
 */
export const IMPORT_ERRORS = {
  /** Neither X-Purpose nor apollo-require-preflight: a browser could have sent it without preflight (CSRF). */
  CSRF_HEADER_REQUIRED: 400,
  /** The token can neither register (child:write) nor propose (edu:write) children: refused before the file is read. */
  UNAUTHORIZED_FIELD_OR_TYPE: 403,
  /** The body is not multipart/form-data. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The multipart body is broken, or has more parts than an import takes. */
  BAD_REQUEST: 400,
  /** No `file` part. */
  FILE_REQUIRED: 400,
  /** The file is larger than the limit. */
  FILE_TOO_LARGE: 413,
  /** The file is neither an .xlsx workbook nor a CSV text (an old .xls, a PDF, an image…). */
  UNSUPPORTED_FILE_TYPE: 415,
  /** A CSV that is not UTF-8 (save it as "CSV UTF-8"). */
  UNSUPPORTED_ENCODING: 415,
  /** The file cannot be read as what it claims to be (a damaged workbook, an unterminated quote). */
  MALFORMED_FILE: 400,
  /** The file has a header row but no data rows (or nothing at all). */
  EMPTY_FILE: 400,
  /** Headers missing, unknown or repeated: `extensions.missing`, `unknown`, `repeated` name them. */
  WRONG_HEADERS: 400,
  /** More rows than one import takes: split the file. */
  TOO_MANY_ROWS: 413,
} as const;

export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

/** A refusal of the whole request, answered with its status and code before anything is written. */
export class ImportRefused extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return IMPORT_ERRORS[this.code];
  }
}
