import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { uploadRegistrationForms } from './registration-form-upload';

const USAGE = `npm run import -- --file forms.xlsx [--school <schoolId>] [--only-valid-rows]
                  [--url http://127.0.0.1:4000] [--token <token> | --role <demo role>] [--purpose <purpose>]

Registers the children of a registration-form file (CSV in UTF-8 or .xlsx, one row per child) through
the gateway: directly (civil affairs), or with --school as that school's proposals. The token comes
from --token, the IMPORT_TOKEN variable, or (development) --role and .data/demo-tokens.json.
Exit status: 0 written, 1 refused or not written (every problem is printed), 2 usage.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        file: { type: 'string' },
        school: { type: 'string' },
        'only-valid-rows': { type: 'boolean', default: false },
        url: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000' },
        token: { type: 'string' },
        role: { type: 'string' },
        purpose: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.file) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const token = args.token ?? process.env.IMPORT_TOKEN ?? (args.role ? demoToken(args.role) : null);
  if (!token) {
    console.error(`No token: give --token, IMPORT_TOKEN or --role.\n\n${USAGE}`);
    return 2;
  }
  const { status, body } = await uploadRegistrationForms({
    gatewayUrl: args.url,
    token,
    purpose: args.purpose ?? (args.school ? 'education-support' : 'case-management'),
    file: readFileSync(args.file),
    filename: basename(args.file),
    schoolId: args.school ?? null,
    onlyValidRows: args['only-valid-rows'],
  });
  if (body.errors?.length) {
    for (const error of body.errors) console.error(`refused (HTTP ${status}, ${String(error.extensions?.code)}): ${error.message}`);
    return 1;
  }
  console.log(`${body.rows} rows: ${body.written ? 'written' : 'nothing written'}; ${body.created} created, ${body.alreadyPresent} already there.`);
  for (const problem of body.problems ?? []) {
    console.log(`  line ${problem.line}${problem.column ? ` (${problem.column})` : ''}: ${problem.code}: ${problem.message}`);
  }
  return body.written ? 0 : 1;
}

/** A demo role's token from the development system's file (npm start writes it). */
function demoToken(role: string): string | null {
  const tokens = JSON.parse(readFileSync('.data/demo-tokens.json', 'utf8')) as Record<string, string>;
  return tokens[role] ?? null;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
