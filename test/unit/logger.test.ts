import { redactor } from '../../platform/logger';
import { PERSONAL_FIELD_NAMES, PERSONAL_FIELDS, FIELD_CATEGORIES } from '../../schema/scope-catalogue';

/** What the database driver throws when a statement fails: the statement, its parameters, the server's detail. */
function queryFailedError(): Error {
  const driverError = Object.assign(new Error('new row for relation "child" violates check constraint "child_name_check"'), {
    code: '23514',
    detail: 'Failing row contains (0b4c…, 张小明, MALE, 2015-06-01, 13812345678).',
    constraint: 'child_name_check',
    table: 'child',
  });
  return Object.assign(new Error(driverError.message), {
    name: 'QueryFailedError',
    query: 'INSERT INTO child (id, name, gender, birth_date) VALUES ($1, $2, $3, $4)',
    parameters: ['0b4c', '张小明', 'MALE', '2015-06-01', '13812345678'],
    driverError,
    code: '23514',
  });
}

describe('log redaction', () => {
  const redact = redactor(PERSONAL_FIELD_NAMES);

  it('keeps of a failed statement what identifies it, never its parameters or the row it quotes', () => {
    const line = JSON.stringify(redact({ err: queryFailedError(), requestId: 'r-1' }));
    expect(line).not.toMatch(/张小明|13812345678|2015-06-01/);
    expect(JSON.parse(line)).toMatchObject({
      requestId: 'r-1',
      err: { type: 'QueryFailedError', code: '23514', constraint: 'child_name_check', table: 'child', query: expect.stringContaining('INSERT INTO child') },
    });
  });

  it('censors every personal field at any depth, inputs included, and GraphQL variables whole', () => {
    const line = JSON.stringify(
      redact({
        input: { name: '张小明', father: { name: '张大山', phone: '13812345678', workPlace: '东莞某厂' }, guardianship: { guardianAddress: '某村 3 组' } },
        pairings: [{ helperName: '李志愿', helperPhone: '13912345678' }],
        variables: { anything: '王五' },
        reason: 'kept',
      }),
    );
    expect(line).not.toMatch(/张小明|张大山|13812345678|东莞某厂|某村|李志愿|13912345678|王五/);
    expect(line).toContain('"reason":"kept"');
  });

  it('drops a value PostgreSQL quotes in its message', () => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "张小明"'), { code: '22P02' });
    expect(JSON.stringify(redact({ err }))).not.toContain('张小明');
  });

  it('names only fields the catalogue holds', () => {
    for (const coordinate of PERSONAL_FIELDS) expect({ coordinate, known: coordinate in FIELD_CATEGORIES }).toEqual({ coordinate, known: true });
  });
});
