import { parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { DATA_CATEGORIES, FIELD_CATEGORIES, INPUT_CATEGORIES } from '../../schema/scope-catalogue';
import type { Column, ColumnPart, Form } from './forms';

/** What a field or input the catalogue does not name needs: a category no scope is, so it is never read. */
const UNCATALOGUED = 'uncatalogued';

/**
 * The categories a GraphQL document reads, from the scope catalogue: every field it selects and
 * every argument it gives, by coordinate, found by walking the document against the API schema.
 * The gateway's field authorization applies the same catalogue, so a document whose categories
 * the caller holds is served whole: nothing is denied mid-export.
 */
export function categoriesRead(schema: GraphQLSchema, source: string): Set<string> {
  const categories = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(source),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        if (!parent || !typeInfo.getFieldDef()) {
          categories.add(UNCATALOGUED);
          return;
        }
        const coordinate = `${parent.name}.${node.name.value}`;
        categories.add(FIELD_CATEGORIES[coordinate] ?? UNCATALOGUED);
        for (const argument of node.arguments ?? []) categories.add(INPUT_CATEGORIES[`${coordinate}(${argument.name.value}:)`] ?? UNCATALOGUED);
      },
    }),
  );
  return categories;
}

/** The categories of `categories` the scopes do not open (`authenticated` is open to every verified caller). */
export function closedCategories(categories: Iterable<string>, scopes: ReadonlyArray<string>): string[] {
  return [...new Set(categories)].filter((category) => category !== 'authenticated' && !scopes.includes(category)).sort();
}

/** A category as the file names it: its Chinese term and its scope, e.g. 家庭监护（child:family）. */
export function categoryLabel(category: string): string {
  const known = (DATA_CATEGORIES as Record<string, { description: string }>)[category];
  const term = known?.description.split(':')[0];
  return term && term !== known?.description ? `${term}（${category}）` : category;
}

/** A column left out, or a column some of whose parts are left out, and the categories that were missing. */
export interface Omission {
  readonly column: string;
  /** The parts left out; empty when the whole column is. */
  readonly parts: ReadonlyArray<string>;
  readonly categories: ReadonlyArray<string>;
}

export interface ExportPlan {
  /** The columns exported, each with the parts the caller's scopes open. */
  readonly columns: ReadonlyArray<Column>;
  readonly omissions: ReadonlyArray<Omission>;
  /** The selection on each `Enrolment` that fills the exported columns. */
  readonly selection: string;
}

/**
 * Decides, before anything is read, what of the form the caller's scopes open: a part whose fields
 * are all open is exported; a column with no open part is left out; both are recorded to be named in
 * the file's header with the missing categories.
 */
export function planExport(form: Form, schema: GraphQLSchema, scopes: ReadonlyArray<string>): ExportPlan {
  const columns: Column[] = [];
  const omissions: Omission[] = [];
  const selections: string[] = [];
  for (const column of form.columns) {
    if (!column.parts.length) {
      columns.push(column);
      continue;
    }
    const open: ColumnPart[] = [];
    const missing = new Set<string>();
    const omittedParts: string[] = [];
    for (const part of column.parts) {
      const closed = closedCategories(categoriesRead(schema, `fragment Part on Enrolment { ${part.selection} }`), scopes);
      if (closed.length) {
        closed.forEach((category) => missing.add(category));
        omittedParts.push(part.label);
      } else {
        open.push(part);
        selections.push(part.selection);
      }
    }
    if (open.length) columns.push({ ...column, parts: open });
    if (omittedParts.length) omissions.push({ column: column.header, parts: open.length ? omittedParts : [], categories: [...missing].sort() });
  }
  // Repeated fields merge (GraphQL's field merging), so the parts' selections simply follow one another.
  return { columns, omissions, selection: selections.join(' ') };
}
