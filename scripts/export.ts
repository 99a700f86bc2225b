import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `npm run export -- <registration-forms|summary-table> (--school <id> | --township <9 digits>) --purpose <purpose>
    [--format xlsx|csv] [--out <file>] [--url http://127.0.0.1:4000] [--token-file <file> | --role <demo role>]

The token comes from EXPORT_TOKEN, --token-file, or (development) --role, read from DATA_DIR/demo-tokens.json.
Without --out the file is written to the current folder under the name the gateway gives it.`;

/** The file name of a Content-Disposition answer (its RFC 5987 filename*, else filename), never a path. */
export function fileNameOf(disposition: string | null): string | null {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  const name = extended ? decodeURIComponent(extended[1]) : plain?.[1];
  // The server names the file; it does not choose where it goes.
  return name ? basename(name.replace(/[\\/]/g, '_')) : null;
}

function tokenFrom(values: { 'token-file'?: string; role?: string }): string {
  if (process.env.EXPORT_TOKEN) return process.env.EXPORT_TOKEN;
  if (values['token-file']) return readFileSync(values['token-file'], 'utf8').trim();
  if (values.role) {
    const file = join(process.env.DATA_DIR ?? '.data', 'demo-tokens.json');
    if (!existsSync(file)) throw new Error(`no demo tokens at ${file}: start the system with npm start first`);
    const token = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[values.role];
    if (!token) throw new Error(`no demo token for role ${values.role}`);
    return token;
  }
  throw new Error('no token: set EXPORT_TOKEN, or give --token-file or --role');
}

/**
 * `npm run export`: calls the gateway's export endpoint with a token and a purpose, as any client
 * would, and writes the file it answers (seed 003's 附件 1 or 2, as CSV or XLSX).
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      township: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      purpose: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000' },
      'token-file': { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [form] = positionals;
  if (values.help || !form || !values.purpose) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const query = new URLSearchParams({ format: values.format! });
  if (values.school) query.set('school', values.school);
  if (values.township) query.set('township', values.township);
  const url = `${values.url!.replace(/\/(graphql)?$/, '')}/exports/${encodeURIComponent(form)}?${query}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${tokenFrom(values)}`, 'x-purpose': values.purpose! } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = body?.errors?.[0];
    console.error(`export refused (HTTP ${response.status}): ${error?.extensions?.code ?? 'ERROR'}: ${error?.message ?? response.statusText}`);
    process.exit(1);
  }
  const out = values.out ?? fileNameOf(response.headers.get('content-disposition')) ?? `${form}.${values.format}`;
  writeFileSync(out, Buffer.from(await response.arrayBuffer()));
  console.log(out);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
