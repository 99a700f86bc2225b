import 'reflect-metadata';
import { mapHeaders } from '../../gateway/imports/form-columns';
import { composeNationalId } from '../../standards/national-id';
import { townshipsOf } from '../../standards/regions';
import { readFormRow, readFormRows } from '../../subgraphs/shared/registration-form';

/** The rules of one registration form's row (seed 003 附件 1), before anything is written. */

const TOWNSHIP = townshipsOf('341322')[0]!.code;
const BIRTH = `${new Date().getUTCFullYear() - 9}-03-07`;

const row = (overrides: Record<string, string | null> = {}, line = 2) => ({
  line,
  name: '张小明',
  gender: '男',
  birthDate: BIRTH,
  householdRegionCode: '341322',
  residenceTownshipCode: TOWNSHIP,
  guardianshipForm: '随祖父母生活',
  ...overrides,
});

describe('a registration form row', () => {
  it('reads dates as forms write them', () => {
    const [year] = BIRTH.split('-');
    for (const written of [BIRTH, `${year}/3/7`, `${year}.03.07`, `${year}年3月7日`]) {
      const read = readFormRow(row({ birthDate: written }));
      expect('facts' in read && read.facts.birthDate).toBe(BIRTH);
    }
  });

  it('places the child by its township, and a household township in its county', () => {
    const read = readFormRow(row({ householdRegionCode: TOWNSHIP }));
    expect('facts' in read && [read.facts.householdRegionCode, read.facts.householdTownshipCode, read.facts.residenceRegionCode]).toEqual([
      '341322',
      TOWNSHIP,
      '341322',
    ]);
  });

  it('collects every problem of the row with its field and code', () => {
    const id = composeNationalId('341322', BIRTH, 2); // even sequence: a girl's ID, on a boy's row
    const read = readFormRow(row({ birthDate: '2015-02-29', nationalId: id, householdRegionCode: '12345', guardianshipForm: null, fatherPhone: 'abc' }));
    expect('problems' in read && read.problems.map((p) => [p.field, p.code])).toEqual([
      ['birthDate', 'BAD_USER_INPUT'],
      ['householdRegionCode', 'INVALID_REGION_CODE'],
      ['guardianshipForm', 'BAD_USER_INPUT'],
      ['fatherPhone', 'BAD_USER_INPUT'],
    ]);
    const mismatch = readFormRow(row({ nationalId: id }));
    expect('problems' in mismatch && mismatch.problems.map((p) => [p.field, p.code])).toEqual([['nationalId', 'INVALID_NATIONAL_ID']]);
  });

  it('refuses an adult, a future date and a township that is not one', () => {
    const read = readFormRow(row({ birthDate: '2001-01-01', residenceTownshipCode: '341322999' }));
    expect('problems' in read && read.problems.map((p) => p.field)).toEqual(['birthDate', 'residenceTownshipCode']);
    const future = readFormRow(row({ fatherAwaySince: '2099-01-01' }));
    expect('problems' in future && future.problems.map((p) => p.field)).toEqual(['fatherAwaySince']);
  });

  it('refuses a row repeating an earlier one of the file, naming the first line', () => {
    const id = composeNationalId('341322', BIRTH, 1);
    const { valid, problems } = readFormRows([row({ nationalId: id }, 2), row({ nationalId: id, name: '张明' }, 3), row({}, 4), row({}, 5)]);
    expect(valid.map((facts) => facts.line)).toEqual([2, 4]);
    expect(problems.map((p) => [p.line, p.code, p.message.includes(p.line === 3 ? 'line 2' : 'line 4')])).toEqual([
      [3, 'CONFLICT', true],
      [5, 'CONFLICT', true],
    ]);
  });
});

describe('a registration form file’s headers', () => {
  it('maps Chinese and API names, leaves out the pairing columns, and names what is wrong', () => {
    expect(mapHeaders(['姓名', 'gender', '出生年月', '户籍地区划代码', '现居住乡镇代码', '监护形式（必填）', '结对帮扶人姓名'])).toEqual({
      fields: ['name', 'gender', 'birthDate', 'householdRegionCode', 'residenceTownshipCode', 'guardianshipForm', null],
      unknown: [],
      missing: [],
      repeated: [],
    });
    const wrong = mapHeaders(['名字', '姓名', 'name']);
    expect(wrong.unknown).toEqual(['名字']);
    expect(wrong.repeated).toEqual(['name']);
    expect(wrong.missing).toEqual(['性别', '出生日期', '户籍地区划代码', '现居住乡镇代码', '监护形式']);
  });
});
