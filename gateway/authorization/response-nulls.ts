import { LIST_ELEMENTS, TYPENAME_ALIAS, type Denial, type PathStep } from './operation-filter';

type Data = Record<string, unknown> | null;

/**
 * Puts `null` where removed fields would have been, with the usual propagation already worked out
 * by the filter (a non-null field nulls its nearest nullable ancestor, or the whole of `data`),
 * and takes out the `__typename` the filter asked for on its own account.
 */
export function applyDenials(data: Data | undefined, denials: ReadonlyArray<Denial>, addedTypename: boolean): Data {
  if (!data) return data ?? null;
  if (denials.some((denial) => denial.nullAt === 'data')) return null;
  for (const denial of denials) {
    if (Array.isArray(denial.nullAt)) setNull(data, denial.nullAt as ReadonlyArray<PathStep>);
  }
  if (addedTypename) removeKey(data, TYPENAME_ALIAS);
  return data;
}

function setNull(value: unknown, steps: ReadonlyArray<PathStep>): void {
  if (value === null || typeof value !== 'object') return;
  const [step, ...rest] = steps;
  if (step === undefined) return;
  if (step === LIST_ELEMENTS) {
    if (Array.isArray(value)) for (const element of value) setNull(element, rest);
    return;
  }
  const object = value as Record<string, unknown>;
  if (typeof step === 'object') {
    if (step.onlyTypes.includes(object[TYPENAME_ALIAS] as string)) setNull(object, rest);
    return;
  }
  if (rest.length === 0) object[step] = null;
  else setNull(object[step], rest);
}

function removeKey(value: unknown, key: string): void {
  if (Array.isArray(value)) for (const element of value) removeKey(element, key);
  else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    delete object[key];
    for (const inner of Object.values(object)) removeKey(inner, key);
  }
}
