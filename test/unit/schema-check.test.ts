import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff } from '@graphql-inspector/core';
import { CHANGELOG_PATH, recordedBreakingChanges, schemaChanges, unannounced } from '../../scripts/schema-check';

/** `npm run schema:check` in the suite: a change that can break a client's query needs a term's notice. */
describe('the API schema against the last release', () => {
  it('has no breaking change that CHANGELOG.md does not announce with its deprecation period', async () => {
    const problems = unannounced(await schemaChanges(), recordedBreakingChanges(readFileSync(CHANGELOG_PATH, 'utf8')));
    expect(problems).toEqual([]);
  });
});

describe('the check itself', () => {
  const before = buildSchema('type Query { child(id: ID!): Child  children(first: Int): [Child] } type Child { id: ID! name: String studentNumber: String }');
  const after = buildSchema('type Query { child(id: ID!): Child  children(first: Int, region: String!): [Child] } type Child { id: ID! name: String }');
  const changelog = (rows: string) =>
    `# Changelog\n## Unreleased\n### Breaking changes\n| coordinate | change | deprecated on | removable after | instead |\n| --- | --- | --- | --- | --- |\n${rows}\n## Added\n| \`Child.name\` | x | 2020-01-01 | 2020-01-02 | y |\n`;

  it('finds removed fields and new required arguments, and fails while they are unrecorded', async () => {
    const problems = unannounced(await diff(before, after), recordedBreakingChanges(changelog('')));
    expect([...problems].sort()).toEqual([expect.stringMatching(/^Child\.studentNumber: /), expect.stringMatching(/^Query\.children\.region: /)]);
  });

  it('passes once each is recorded with at least 90 days between deprecation and removal', async () => {
    const rows = '| `Child.studentNumber` | removed | 2026-01-05 | 2026-04-05 | a | \n| `Query.children.region` | required | 2026-01-05 | 2026-05-01 | b |';
    expect(unannounced(await diff(before, after), recordedBreakingChanges(changelog(rows)))).toEqual([]);
  });

  it('refuses too short a notice, and ignores rows outside the breaking-changes section', async () => {
    const rows = '| `Child.studentNumber` | removed | 2026-01-05 | 2026-02-01 | a |\n| `Query.children.region` | required | 2026-01-05 | 2026-05-01 | b |';
    const problems = unannounced(await diff(before, after), recordedBreakingChanges(changelog(rows)));
    expect(problems).toEqual([expect.stringMatching(/^Child\.studentNumber: recorded with 27 days' notice/)]);
    expect(recordedBreakingChanges(changelog('')).map((entry) => entry.coordinate)).toEqual([]);
  });
});
