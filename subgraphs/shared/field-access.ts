import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { meetsRequirements, requirementsOf, type AccessRequirement } from '../../platform/access-requirements';
import { unauthorizedField } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { DATA_CATEGORIES } from '../../schema/scope-catalogue';
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

/**
 * Defense in depth: the subgraph enforces its own fields' `@authenticated` / `@requiresScopes`
 * directives from the principal in the gateway's internal token, so a misrouted or forged plan
 * still gets `null` and an UNAUTHORIZED_FIELD_OR_TYPE error, never the value. The resolvers are
 * wrapped in place, so `_entities` and every other path reach the same checks. The same wrapper
 * notes, for the access log, which child's data each field read or wrote, in which category.
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
      field.resolve = (source, args, context: { principal?: Principal; audit?: AccessRecorder }, info) => {
        if (!context.principal || !meetsRequirements(requirements, scopesOf(context.principal))) throw unauthorizedField();
        const result = resolve(source, args, context, info);
        const audit = context.audit;
        if (!category || !audit) return result;
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
        const childId = childIdOf(type.name, source);
        if (childId) audit.record(childId, category, AccessAction.READ);
        return result;
      };
    }
  }
  return schema;
}
