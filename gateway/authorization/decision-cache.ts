import type { DocumentNode } from 'graphql';
import type { FilterResult } from './operation-filter';

/** Distinct (operation, scopes, variables) analyses kept per document; past it the oldest goes. */
const ENTRIES_PER_DOCUMENT = 64;
/** Variables longer than this as JSON (a bulk write's input) are analysed afresh: no key that size is kept. */
const MAX_VARIABLES_KEY = 2048;

/** What the field authorization of one operation depends on, and on nothing else. */
export interface AnalysisInputs {
  /** Apollo's parsed document, the same object for every request of the same text while the schema stands. */
  document: DocumentNode;
  operationName: string | null | undefined;
  scopes: ReadonlyArray<string>;
  variables: Record<string, unknown>;
}

/**
 * The field authorization of an operation (operation-filter.ts) is a pure function of the schema,
 * the access rules, the document, the operation's name, the caller's scopes and the variables.
 * Walking the operation again for each request cost about a twentieth of the gateway's CPU for a
 * page of children, so its result is kept, keyed by all of these: one cache per loaded schema and
 * rules (the enforcing gateway makes a new one when either changes), by document object, then by
 * operation name, the caller's sorted scopes and the variables' JSON. A caller with other scopes,
 * or the same caller with other variables, never meets another's analysis. Who the caller is
 * otherwise, and the purpose stated, are not inputs of the analysis: the purpose rule and the
 * decision's log line are worked out for each request from the analysis and the request.
 * Analyses that refuse the variables are not kept (the errors quote the values).
 */
export class DecisionCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, FilterResult>>();

  /** The cached analysis for these inputs, or `analyse()`'s, kept for the next request with the same inputs. */
  decide(inputs: AnalysisInputs, analyse: () => FilterResult): FilterResult {
    const variables = JSON.stringify(inputs.variables);
    if (variables.length > MAX_VARIABLES_KEY) return analyse();
    const key = JSON.stringify([inputs.operationName ?? null, [...new Set(inputs.scopes)].sort(), variables]);
    let entries = this.byDocument.get(inputs.document);
    const known = entries?.get(key);
    if (known) return known;
    const result = analyse();
    if (result.invalidVariables) return result;
    if (!entries) this.byDocument.set(inputs.document, (entries = new Map()));
    if (entries.size >= ENTRIES_PER_DOCUMENT) entries.delete(entries.keys().next().value!);
    entries.set(key, freeze(result));
    return result;
  }
}

/** A shared analysis must not be changed by one request for the next: frozen (its sets are read-only by type). */
function freeze(result: FilterResult): FilterResult {
  Object.freeze(result.denials);
  for (const denial of result.denials) Object.freeze(denial);
  return Object.freeze(result);
}
