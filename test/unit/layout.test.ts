import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every entity folder has the same shape (README, Layout): files named `<entity>.<part>.ts`,
 * where the part is one of these, each with one job; the GraphQL type is always there.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const PARTS = ['entity', 'type', 'inputs', 'payloads', 'resolver', 'reference', 'service', 'repository', 'loaders'];
const AGENCIES = ['civil-affairs', 'education', 'womens-federation'];

const entityFolders = AGENCIES.flatMap((agency) =>
  readdirSync(join(ROOT, 'subgraphs', agency))
    .filter((name) => statSync(join(ROOT, 'subgraphs', agency, name)).isDirectory())
    .map((entity) => [`${agency}/${entity}`, entity] as const),
);

describe('entity folders', () => {
  it('exist in every subgraph', () => {
    for (const agency of AGENCIES) expect(entityFolders.some(([folder]) => folder.startsWith(`${agency}/`))).toBe(true);
  });

  it.each(entityFolders)('%s has the one shape', (folder, entity) => {
    const files = readdirSync(join(ROOT, 'subgraphs', folder));
    const misnamed = files.filter((file) => !PARTS.some((part) => file === `${entity}.${part}.ts`));
    expect(misnamed).toEqual([]);
    expect(files).toContain(`${entity}.type.ts`);
    // A table comes with the statements that read it; a resolver that writes, with a service.
    if (files.includes(`${entity}.entity.ts`)) expect(files).toContain(`${entity}.repository.ts`);
  });
});
