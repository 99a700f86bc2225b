import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { meetsRequirements, requirementsOf, type AccessRequirement } from '../../platform/access-requirements';
import { unauthorizedField } from '../../platform/errors';
import { givenInputs } from '../../platform/given-inputs';
import type { Principal } from '../../platform/principal';
import { DATA_CATEGORIES, INPUT_CATEGORIES, type CategoryName } from '../../schema/scope-catalogue';
import { AccessAction } from './audit/access-log.type';
import type { AccessRecorder } from './audit/access-recorder';

const scopeSets = new WeakMap<Principal, ReadonlySet<string>>();

function scopesOf(principal: Principal): ReadonlySet<string> {
  let scopes = scopeSets.get(principal);
  if (!scopes) scopeSets.set(principal, (scopes = new Set(principal.scopes)));
  return scopes;
}

/** The categories whose accesses are not logged: those that describe no named child (the directory, plumbing). */
const UNAUDITED: ReadonlySet<string> = new Set(
  Object.entries(DATA_CATEGORIES)
    .filter(([, category]) => !category.describesChild)
    .map(([name]) => name),
);

/** The category a field's reads and writes are logged under: its scope, unless it describes no named child. */
function auditedCategory(requirements: ReadonlyArray<AccessRequirement>): string | null {
  const scope = requirements.flat(2)[0];
  return scope && !UNAUDITED.has(scope) ? scope : null;
}

/** The child a row is about: a Child itself, or any row that names its child. */
function childIdOf(typeName: string, source: unknown): string | null {
  const row = source as { id?: unknown; childId?: unknown } | null;
  if (!row) return null;
  if (typeName === 'Child') return typeof row.id === 'string' ? row.id : null;
  return typeof row.childId === 'string' ? row.childId : null;
}

/** The child a mutation wrote: the child it returns, or the one the returned row names. */
function childIdOfResult(value: unknown, returnTypeName: string): string | null {
  const row = value as { id?: unknown; childId?: unknown; child?: { id?: unknown } } | null;
  if (!row) return null;
  if (returnTypeName === 'Child' && typeof row.id === 'string') return row.id;
  if (typeof row.childId === 'string') return row.childId;
  return typeof row.child?.id === 'string' ? row.child.id : null;
}

/** Read categories about a named child: rows selected by an input in one are logged under it. */
const AUDITED_READS: ReadonlySet<string> = new Set(
  Object.entries(DATA_CATEGORIES)
    .filter(([, category]) => category.describesChild && category.kind === 'read')
    .map(([name]) => name),
);

/**
 * The inputs rule, again in the subgraph (the gateway applies it before planning): every argument
 * and input field the caller gave needs its category's scope, or the field is refused. Returns the
 * categories of the given inputs that select a named child's rows, to log those rows under.
 */
function checkInputs(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
  scopes: ReadonlySet<string>,
) {
  const given = new Set(info.fieldNodes.flatMap((node) => node.arguments?.map((argument) => argument.name.value) ?? []));
  const audited = new Set<string>();
  for (const input of givenInputs(typeName, field.name, field.args, args, (name) => given.has(name))) {
    const category: CategoryName | undefined = INPUT_CATEGORIES[input.coordinate];
    if (!category || (category !== 'authenticated' && !scopes.has(category))) throw unauthorizedField(undefined, input.path);
    if (AUDITED_READS.has(category)) audited.add(category);
  }
  return audited;
}

/** The children a field's result names: a Child, rows with a childId, and those inside lists and connections. */
function childIdsIn(value: unknown, type: GraphQLOutputType, ids: Set<string>): Set<string> {
  if (value === null || value === undefined) return ids;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const element of value) childIdsIn(element, nullable.ofType, ids);
    return ids;
  }
  if (!isObjectType(nullable) || typeof value !== 'object') return ids;
  const row = value as Record<string, unknown>;
  if (nullable.name === 'Child') {
    if (typeof row.id === 'string') ids.add(row.id);
    return ids;
  }
  if (typeof row.childId === 'string') return ids.add(row.childId);
  const fields = nullable.getFields();
  for (const name of ['edges', 'node']) if (fields[name] && row[name] !== undefined) childIdsIn(row[name], fields[name].type, ids);
  return ids;
}

/**
 * Defense in depth: the subgraph enforces its own fields' `@authenticated` / `@requiresScopes`
 * directives from the principal in the gateway's internal token, so a misrouted or forged plan
 * still gets `null` and an UNAUTHORIZED_FIELD_OR_TYPE error, never the value. The resolvers are
 * wrapped in place, so `_entities` and every other path reach the same checks. The same wrapper
 * notes, for the access log, which child's data each field read or wrote, in which category, and
 * the children a look-up or filter matched, under the category of the input that selected them.
 */
export function enforceFieldAccess(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRequirements = requirementsOf(type.astNode?.directives);
    for (const field of Object.values(type.getFields())) {
      const requirements = [...typeRequirements, ...requirementsOf(field.astNode?.directives)];
      if (!requirements.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const category = auditedCategory(requirements);
      const isWrite = type.name === 'Mutation';
      const typeName = type.name;
      field.resolve = (source, args: Record<string, unknown>, context: { principal?: Principal; audit?: AccessRecorder }, info) => {
        const scopes = context.principal ? scopesOf(context.principal) : null;
        if (!scopes || !meetsRequirements(requirements, scopes)) throw unauthorizedField();
        const selectedBy = field.args.length ? checkInputs(typeName, field, args, info, scopes) : null;
        const result = resolve(source, args, context, info);
        const audit = context.audit;
        if (!audit) return result;
        if (selectedBy?.size && !isWrite) {
          return Promise.resolve(result).then((value) => {
            for (const childId of childIdsIn(value, info.returnType, new Set()))
              for (const selected of selectedBy) audit.record(childId, selected, AccessAction.READ);
            const owner = childIdOf(typeName, source);
            if (category && owner) audit.record(owner, category, AccessAction.READ);
            return value;
          });
        }
        if (!category) return result;
        if (isWrite) {
          return Promise.resolve(result).then((value) => {
            // A bulk write (a class's absences) returns a list: each child in it was written.
            for (const row of Array.isArray(value) ? value : [value]) {
              const childId = childIdOfResult(row, getNamedType(info.returnType).name);
              if (childId) audit.record(childId, category, AccessAction.WRITE);
            }
            return value;
          });
        }
        const childId = childIdOf(typeName, source);
        if (childId) audit.record(childId, category, AccessAction.READ);
        return result;
      };
    }
  }
  return schema;
}
