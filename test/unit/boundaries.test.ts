import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Folders depend one way (README, Layout): the gateway and platform know no subgraph; no subgraph
 * imports another; migrations are frozen history and import no live code; demo data and scripts
 * use the standards, not subgraph internals; subgraphs see scopes and purposes, never roles.
 */
const ROOT = resolve(__dirname, '..', '..', '..');

function sources(folder: string): string[] {
  const dir = join(ROOT, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every project file a source file imports, relative to the root (packages are left out). */
function projectImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3],
  );
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(ROOT, resolve(dirname(file), specifier))
        .split(sep)
        .join('/'),
    );
}

function violations(folder: string, forbidden: (target: string, file: string) => boolean): string[] {
  return sources(folder).flatMap((file) =>
    projectImports(file)
      .filter((target) => forbidden(target, relative(ROOT, file)))
      .map((target) => `${relative(ROOT, file)} → ${target}`),
  );
}

const AGENCIES = ['civil-affairs', 'education', 'womens-federation'];

describe('folders depend one way', () => {
  it('the gateway and platform import no subgraph code', () => {
    expect(violations('gateway', (target) => target.startsWith('subgraphs/'))).toEqual([]);
    expect(violations('platform', (target) => !target.startsWith('platform/'))).toEqual([]);
  });

  it('no subgraph imports another', () => {
    for (const agency of AGENCIES) {
      expect(
        violations(
          `subgraphs/${agency}`,
          (target) => target.startsWith('subgraphs/') && !target.startsWith(`subgraphs/${agency}/`) && !target.startsWith('subgraphs/shared/'),
        ),
      ).toEqual([]);
    }
    expect(violations('subgraphs/shared', (target) => AGENCIES.some((agency) => target.startsWith(`subgraphs/${agency}/`)))).toEqual([]);
  });

  it('migrations import no live code', () => {
    expect(violations('migrations', (target) => !target.startsWith('migrations/'))).toEqual([]);
  });

  it('demo data uses the standards, not subgraph internals', () => {
    expect(violations('demo', (target) => target.startsWith('subgraphs/'))).toEqual([]);
  });

  it('the standards import nothing but the platform', () => {
    expect(violations('standards', (target) => !target.startsWith('standards/') && !target.startsWith('platform/'))).toEqual([]);
  });

  it('subgraphs see scopes and purposes, never roles', () => {
    expect(violations('subgraphs', (target) => target === 'schema/roles')).toEqual([]);
  });

  it('reads the imports of every folder it checks, so the empty lists above are not for want of looking', () => {
    for (const folder of ['gateway', 'platform', ...AGENCIES.map((agency) => `subgraphs/${agency}`), 'subgraphs/shared', 'migrations', 'demo']) {
      expect({ folder, imports: violations(folder, () => true).length > 0 }).toEqual({ folder, imports: true });
    }
  });
});
