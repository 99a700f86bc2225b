/**
 * Posts a registration-form file to the gateway's POST /imports/registration-forms, as any client
 * would (the CLI and the import benchmark): multipart/form-data, the bearer token, X-Purpose.
 */
export interface UploadOptions {
  /** The gateway's base URL (http://127.0.0.1:4000) or its /graphql URL. */
  gatewayUrl: string;
  token: string;
  purpose: string;
  file: Buffer;
  filename: string;
  schoolId?: string | null;
  onlyValidRows?: boolean;
}

export interface UploadAnswer {
  status: number;
  body: {
    rows?: number;
    written?: boolean;
    created?: number;
    alreadyPresent?: number;
    problems?: { line: number; field: string | null; column: string | null; code: string; message: string }[];
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export async function uploadRegistrationForms(options: UploadOptions): Promise<UploadAnswer> {
  const form = new FormData();
  if (options.schoolId) form.set('schoolId', options.schoolId);
  if (options.onlyValidRows) form.set('onlyValidRows', 'true');
  form.set('file', new Blob([new Uint8Array(options.file)]), options.filename);
  const base = options.gatewayUrl.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  const response = await fetch(`${base}/imports/registration-forms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'x-purpose': options.purpose },
    body: form,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { errors: [{ message: text.slice(0, 200) }] } };
  }
}
