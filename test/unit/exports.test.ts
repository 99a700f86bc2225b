import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { parse as parseCsv } from 'csv-parse/sync';
import { schoolPageOperation, TOWNSHIP_SCHOOLS_OPERATION } from '../../gateway/exports/collect';
import { categoriesRead, planExport } from '../../gateway/exports/coverage';
import { toCsv } from '../../gateway/exports/file-formats';
import { FORMS, REGISTRATION_FORM, SUMMARY_TABLE } from '../../gateway/exports/forms';
import { contentDisposition } from '../../gateway/exports/route';
import { ROLES } from '../../schema/roles';

/** The export's columns against the API schema clients see (schema/api.graphql, written by npm run compose). */
const schema = buildSchema(readFileSync(join(resolve(__dirname, '..', '..', '..'), 'schema', 'api.graphql'), 'utf8'));

describe('exports of seed 003’s forms', () => {
  it('every part of every form selects real fields, so the operation the gateway runs is valid', () => {
    for (const form of Object.values(FORMS)) {
      const selection = form.columns.flatMap((column) => column.parts.map((part) => part.selection)).join(' ');
      expect(validate(schema, parse(schoolPageOperation(selection)))).toEqual([]);
    }
    expect(validate(schema, parse(TOWNSHIP_SCHOOLS_OPERATION))).toEqual([]);
  });

  it('a part’s categories are read from its selection, arguments included', () => {
    expect([...categoriesRead(schema, 'fragment P on Enrolment { child { guardianship { guardianAddress guardianPhone } } }')].sort()).toEqual([
      'child:family',
      'child:identity',
      'edu:enrolment',
    ]);
    expect(categoriesRead(schema, TOWNSHIP_SCHOOLS_OPERATION)).toEqual(new Set(['directory:read', 'authenticated']));
    // A field the catalogue does not know is never taken as open.
    expect(categoriesRead(schema, 'fragment P on Enrolment { noSuchField }')).toEqual(new Set(['uncatalogued']));
  });

  it('a school care teacher’s summary table leaves out exactly the family columns and the concerns its scopes do not open', () => {
    const plan = planExport(SUMMARY_TABLE, schema, ROLES['school-care-teacher'].scopes);
    expect(plan.columns.map((column) => column.header)).toEqual(['序号', '姓名', '班级', '关注的主要问题', '结对人姓名（职业）', '变动情况']);
    expect(plan.omissions).toEqual([
      { column: '父亲外出地及电话', parts: [], categories: ['child:family'] },
      { column: '母亲外出地及电话', parts: [], categories: ['child:family'] },
      { column: '实际监护人姓名、地址、电话', parts: [], categories: ['child:family', 'child:identity'] },
      { column: '监护形式', parts: [], categories: ['child:family'] },
      {
        column: '关注的主要问题',
        parts: ['监护风险', '困境类别', '强制报告', '心理健康'],
        categories: ['child:family', 'child:welfare', 'edu:wellbeing', 'protection:read'],
      },
      { column: '变动情况', parts: ['监护变更'], categories: ['child:family'] },
    ]);
    expect(plan.selection).not.toMatch(/father|mother|guardianship|difficultCircumstances|wellbeing/);
  });

  it('a case worker’s registration forms hold every column; a guardian’s address needs child:identity', () => {
    const caseWorker = planExport(REGISTRATION_FORM, schema, ROLES['civil-affairs-case-worker'].scopes);
    expect(caseWorker.columns.map((column) => column.header)).toEqual(REGISTRATION_FORM.columns.map((column) => column.header));
    expect(caseWorker.omissions).toEqual([{ column: '关注的主要问题', parts: ['控辍保学上报', '心理健康'], categories: ['edu:attendance', 'edu:wellbeing'] }]);
    const director = planExport(REGISTRATION_FORM, schema, ROLES['child-director'].scopes);
    expect(director.omissions.map((omission) => omission.column)).toEqual(['出生年月', '详细地址', '关注的主要问题']);
  });

  it('Content-Disposition carries an ASCII name and the Chinese one in RFC 5987 form', () => {
    expect(contentDisposition('summary-table.csv', '留守儿童基本情况汇总表_(一)小学.csv')).toBe(
      `attachment; filename="summary-table.csv"; filename*=UTF-8''${encodeURIComponent('留守儿童基本情况汇总表_')}%28${encodeURIComponent('一')}%29${encodeURIComponent('小学')}.csv`,
    );
  });

  it('CSV: a cell a spreadsheet would run as a formula is written as text', () => {
    const csv = toCsv({ title: 't', header: [['t']], columns: ['姓名', '电话'], rows: [['=HYPERLINK("x")', '+86 138']] }).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    expect(records.at(-1)).toEqual([`'=HYPERLINK("x")`, `'+86 138`]);
  });
});
