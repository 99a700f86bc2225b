import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { apiSchemaOf, printApiSchema } from './api-schema';
import { SUPERGRAPH_PATH } from './compose-supergraph';

/**
 * `npm run schema:check`: compares the API schema of the committed supergraph with the last
 * released one (schema/released-api.graphql) using GraphQL Inspector, prints every change, and
 * fails on a breaking change (one that can break a client's query) unless CHANGELOG.md records it
 * under "Breaking changes" with the day it was deprecated and the day it may be removed, at least
 * DEPRECATION_DAYS later: agency systems get a term's notice before a field they use disappears.
 * `npm run schema:check -- --release` makes the current API schema the released one.
 */
const ROOT = join(__dirname, '..', '..');
export const RELEASED_API_PATH = join(ROOT, 'schema', 'released-api.graphql');
export const CHANGELOG_PATH = join(ROOT, 'CHANGELOG.md');
/** A school term: long enough for a county's systems to be changed and deployed. */
export const DEPRECATION_DAYS = 90;

export interface RecordedBreakingChange {
  coordinate: string;
  deprecatedOn: string;
  removableAfter: string;
}

/** The rows of the tables under a "Breaking changes" heading: | `coordinate` | change | deprecated on | removable after | … |. */
export function recordedBreakingChanges(changelog: string): RecordedBreakingChange[] {
  const recorded: RecordedBreakingChange[] = [];
  let inSection = false;
  for (const line of changelog.split('\n')) {
    if (/^#+ /.test(line)) inSection = /breaking changes/i.test(line);
    const row = /^\|\s*`([^`]+)`\s*\|[^|]*\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|/.exec(line);
    if (inSection && row) recorded.push({ coordinate: row[1], deprecatedOn: row[2], removableAfter: row[3] });
  }
  return recorded;
}

/** What stops a breaking change: unrecorded, or recorded with less notice than the policy gives. */
export function unannounced(changes: Change[], recorded: RecordedBreakingChange[]): string[] {
  const problems: string[] = [];
  for (const change of changes.filter((candidate) => candidate.criticality.level === CriticalityLevel.Breaking)) {
    const entry = recorded.find((candidate) => candidate.coordinate === change.path);
    if (!entry) {
      problems.push(`${change.path}: ${change.message} (not recorded under "Breaking changes" in CHANGELOG.md)`);
      continue;
    }
    const notice = (Date.parse(entry.removableAfter) - Date.parse(entry.deprecatedOn)) / 86_400_000;
    if (notice < DEPRECATION_DAYS) problems.push(`${change.path}: recorded with ${notice} days' notice; the policy is ${DEPRECATION_DAYS}`);
  }
  return problems;
}

export async function schemaChanges(): Promise<Change[]> {
  const released = buildSchema(readFileSync(RELEASED_API_PATH, 'utf8'));
  return diff(released, apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')));
}

async function main() {
  if (process.argv.includes('--release')) {
    writeFileSync(RELEASED_API_PATH, printApiSchema(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    console.log(`wrote ${RELEASED_API_PATH}: the current API schema is now the released one`);
    return;
  }
  const changes = await schemaChanges();
  for (const level of [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking]) {
    const ofLevel = changes.filter((change) => change.criticality.level === level);
    if (ofLevel.length) console.log(`${level} (${ofLevel.length}):\n${ofLevel.map((change) => `  ${change.path ?? ''}: ${change.message}`).join('\n')}`);
  }
  const problems = unannounced(changes, recordedBreakingChanges(readFileSync(CHANGELOG_PATH, 'utf8')));
  if (problems.length) {
    console.error(`\nBreaking changes without the notice the API owes its clients:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    console.error(`Deprecate first (@deprecated, with the removal date), record it in CHANGELOG.md, and remove it after ${DEPRECATION_DAYS} days.`);
    process.exit(1);
  }
  console.log(`\nNo unannounced breaking change against schema/released-api.graphql.`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
