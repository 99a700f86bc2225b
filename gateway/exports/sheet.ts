import type { SchoolRows } from './collect';
import { categoryLabel, type ExportPlan } from './coverage';
import { SCHOOL_HEADER, SERIAL_HEADER, type Form } from './forms';

/** What was exported from: one school, or the schools of a township. */
export type ExportScope = { kind: 'school'; schoolId: string } | { kind: 'township'; code: string; name: string; county: string | null };

/**
 * The file's content, whatever its format: header lines (title, 县/区, 学校 or 乡镇, 填报时间, notes
 * on where columns come from, and every column or part left out with the categories the caller's
 * scopes lack), then the table.
 */
export interface ExportSheet {
  readonly title: string;
  readonly header: ReadonlyArray<ReadonlyArray<string>>;
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
}

/** Marks the header line naming a column left out; the import and the tests find omissions by it. */
export const OMITTED = '未导出';

export function buildSheet(form: Form, plan: ExportPlan, scope: ExportScope, schools: ReadonlyArray<SchoolRows>, filledOn: string): ExportSheet {
  const township = scope.kind === 'township';
  // A township's file spans schools: each row says which (after 序号 where the form has one).
  const columns = [...plan.columns];
  if (township) columns.splice(columns[0]?.header === SERIAL_HEADER ? 1 : 0, 0, { header: SCHOOL_HEADER, parts: [] });
  const first = schools[0]?.school;
  const header: string[][] = [
    [form.title],
    ['县/区', (township ? scope.county : first?.regionName) ?? ''],
    township ? ['乡镇', scope.name] : ['学校', first?.name ?? ''],
    ['填报时间', filledOn],
    ...columns.filter((column) => form.notes[column.header]).map((column) => ['说明', `${column.header}：${form.notes[column.header]}`]),
    ...plan.omissions.map((omission) => [
      OMITTED,
      omission.parts.length ? `${omission.column}（${omission.parts.join('、')}）` : omission.column,
      `调用者的权限不含：${omission.categories.map(categoryLabel).join('、')}`,
    ]),
  ];
  let serial = 0;
  const rows = schools.flatMap(({ school, rows: pupils }) =>
    pupils.map((pupil) => {
      serial += 1;
      return columns.map((column) => {
        if (column.header === SERIAL_HEADER) return String(serial);
        if (column.header === SCHOOL_HEADER && !column.parts.length) return school.name;
        return column.parts
          .map((part) => part.render(pupil))
          .filter(Boolean)
          .join(column.separator ?? ' ');
      });
    }),
  );
  return { title: form.title, header, columns: columns.map((column) => column.header), rows };
}
