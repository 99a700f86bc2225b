import { forbiddenPurpose, purposeRequired } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { DATA_CATEGORIES, FIELD_CATEGORIES } from '../schema/scope-catalogue';
import type { Refusal } from './authorization/operation';
import type { FilterResult } from './authorization/operation-filter';

/**
 * The purpose rule (DESIGN 4): a request that reads a named child's data states its purpose in
 * X-Purpose, one of the purposes its token lists. The gateway checks the stated purpose while it
 * builds the request's context, and whether one was needed once it knows what the operation may read.
 */

/** Root types are entry points: a root field's category says who may ask, not what the answer holds. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The types that describe one named child, from the scope catalogue: every field of theirs is in a
 * category that describes a named child. A type that only links to such data (a school's
 * enrolments) is not one; the type it links to is.
 */
const CHILD_DATA_TYPES: ReadonlySet<string> = (() => {
  const describesChild = new Map<string, boolean>();
  for (const [coordinate, category] of Object.entries(FIELD_CATEGORIES)) {
    const type = coordinate.slice(0, coordinate.indexOf('.'));
    describesChild.set(type, (describesChild.get(type) ?? true) && DATA_CATEGORIES[category].describesChild);
  }
  return new Set([...describesChild].filter(([type, all]) => all && !ROOT_TYPES.has(type)).map(([type]) => type));
})();

/** While building the context: the purpose the request states, if any; 403 FORBIDDEN_PURPOSE if its token does not grant it. */
export function statedPurpose(header: string | string[] | undefined, principal: Principal): string | null {
  const purpose = typeof header === 'string' && header ? header : null;
  if (purpose && !principal.purposes.includes(purpose)) throw forbiddenPurpose();
  return purpose;
}

/** Categories that hold or record data about a named child. */
const CHILD_CATEGORIES: ReadonlySet<string> = new Set(
  Object.entries(DATA_CATEGORIES)
    .filter(([, category]) => category.describesChild)
    .map(([name]) => name),
);

/**
 * Before planning: without a purpose, an operation is refused (PURPOSE_REQUIRED) when its authorized
 * part reads a named child's data, names or selects a child by an input in such a category
 * (`child(id:)`, `childByNationalId`, a filter: even `{ __typename }` confirms the child exists), or
 * writes (every write is logged with its purpose).
 */
export function purposeRefusal(authorized: Pick<FilterResult, 'readTypes' | 'inputCategories' | 'writes'>, purpose: string | null | undefined): Refusal | null {
  if (purpose) return null;
  const needed =
    authorized.writes ||
    [...authorized.readTypes].some((type) => CHILD_DATA_TYPES.has(type)) ||
    [...authorized.inputCategories].some((category) => CHILD_CATEGORIES.has(category));
  return needed ? { reason: 'purpose required', result: { errors: [purposeRequired()] } } : null;
}
