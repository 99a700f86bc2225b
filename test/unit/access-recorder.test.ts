import 'reflect-metadata';
import { escapeLiteral } from 'pg';
import { AccessAction } from '../../subgraphs/shared/audit/access-log.type';
import { AccessRecorder } from '../../subgraphs/shared/audit/access-recorder';

// The access log's append statement (sent as a simple-protocol message with the COMMIT) writes its
// values as literals of its own: attacks through the values it carries must stay inside them,
// exactly as pg's escapeLiteral would quote them.
const call = (purpose: string, org: string | null = 'org:341322') => ({ requestId: 'req-1', principal: { sub: "test:o'brien", org }, purpose }) as never;

describe('the access recorder', () => {
  it('quotes every value exactly as pg.escapeLiteral does, quotes, backslashes and all', () => {
    for (const purpose of ["case-management'); DROP TABLE access_log; --", "back\\slash \\' mixed", "E'\\x00'", '留守儿童 ’quotes‘', '']) {
      const recorder = new AccessRecorder();
      recorder.record("child'1\\", 'child:basic', AccessAction.READ);
      const entries = JSON.stringify([{ childId: "child'1\\", action: 'READ', categories: ['child:basic'] }]);
      expect(recorder.appendStatement(call(purpose))).toBe(
        `SELECT append_access_log(${escapeLiteral('req-1')}, ${escapeLiteral("test:o'brien")}, ${escapeLiteral('org:341322')}, ${escapeLiteral(purpose)}, ${escapeLiteral(entries)}::jsonb)`,
      );
    }
  });

  it('keeps one entry per child and action, with each category once, and starts empty again', () => {
    const recorder = new AccessRecorder();
    recorder.record('a', 'child:basic', AccessAction.READ);
    recorder.record('b', 'child:basic', AccessAction.READ);
    recorder.record('a', 'child:family', AccessAction.READ);
    recorder.record('a', 'child:basic', AccessAction.READ);
    recorder.record('a', 'child:family', AccessAction.WRITE);
    const statement = recorder.appendStatement(call('case-management', null))!;
    expect(statement).toContain(", NULL, 'case-management', ");
    const entries = JSON.parse(/'(\[.*\])'::jsonb/.exec(statement)![1]!);
    expect(entries).toEqual([
      { childId: 'a', action: 'READ', categories: ['child:basic', 'child:family'] },
      { childId: 'b', action: 'READ', categories: ['child:basic'] },
      { childId: 'a', action: 'WRITE', categories: ['child:family'] },
    ]);
    expect(recorder.appendStatement(call('case-management'))).toBeNull();
  });

  it('refuses a NUL in any value rather than end the message early', () => {
    const recorder = new AccessRecorder();
    recorder.record('a', 'child:basic', AccessAction.READ);
    expect(() => recorder.appendStatement(call('case\u0000management'))).toThrow(/NUL/);
  });
});
