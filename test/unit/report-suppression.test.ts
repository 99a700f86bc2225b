import { publishedFigures, suppressTable, type FigureFamily } from '../../subgraphs/shared/reports/suppression';

/** The shared suppression over figure families other than the registry's: overlapping breakdowns, schools as members, roll-call rows. */
const FAMILY: FigureFamily = {
  singles: ['onRoster', 'left'],
  breakdowns: {
    away: { total: 'onRoster', categories: ['BOTH', 'ONE', 'NONE'] },
    aid: { total: null, categories: ['MEALS', 'BOOKS'] },
  },
};
const rows = (counts: Record<string, Record<string, number>>) =>
  Object.entries(counts).flatMap(([region, figures]) => Object.entries(figures).map(([figure, n]) => ({ region, figure, n })));

describe('suppression of any figure family', () => {
  it('takes the members from roll-call rows outside the family, each counting 0 where nothing is counted', () => {
    const table = suppressTable([], rows({ a: { school: 0, onRoster: 9 }, b: { school: 0, onRoster: 8 }, c: { school: 0 } }), FAMILY, 5);
    expect([...table.rows.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(table.rows.get('a')!.has('school')).toBe(false);
    // c's 0 is withheld alone among the schools, so the smallest other (b's 8) goes too: a's 9 stays.
    const { count } = publishedFigures(table, 'a');
    expect(count('onRoster')).toEqual({ value: 9, suppressed: false });
    expect(publishedFigures(table, 'b').count('onRoster')).toEqual({ value: null, suppressed: true });
  });

  it('protects a withheld category of a breakdown with a total, not of an overlapping one (no total to subtract from)', () => {
    const counts = rows({
      a: { onRoster: 20, 'away:BOTH': 12, 'away:ONE': 6, 'away:NONE': 2, 'aid:MEALS': 20, 'aid:BOOKS': 3 },
      b: { onRoster: 20, 'away:BOTH': 12, 'away:ONE': 6, 'away:NONE': 2, 'aid:MEALS': 20, 'aid:BOOKS': 3 },
    });
    const table = suppressTable(['a', 'b'], counts, FAMILY, 5);
    const { breakdown } = publishedFigures(table, 'a');
    expect(breakdown(FAMILY, 'away').map((entry) => entry.count.suppressed)).toEqual([false, true, true]);
    expect(breakdown(FAMILY, 'aid')).toEqual([
      { category: 'MEALS', count: { value: 20, suppressed: false } },
      { category: 'BOOKS', count: { value: null, suppressed: true } },
    ]);
  });

  it('publishes a rate only when both parts are published, and a number per child above 1 when the numerator counts events', () => {
    // b's and c's small `left` protect each other; a's is published.
    const table = suppressTable(['a', 'b', 'c'], rows({ a: { onRoster: 6, left: 12 }, b: { onRoster: 6, left: 4 }, c: { onRoster: 7, left: 3 } }), FAMILY, 5);
    expect(publishedFigures(table, 'a').rate('left', 'onRoster')).toEqual({
      numerator: { value: 12, suppressed: false },
      denominator: { value: 6, suppressed: false },
      value: 2,
    });
    expect(publishedFigures(table, 'b').rate('left', 'onRoster').value).toBeNull();
  });

  it('withholds a figure that falls short of its published total by a small number, and lets a full one through', () => {
    const family: FigureFamily = {
      singles: ['registered', 'leftBehind', 'alone'],
      breakdowns: { form: { total: 'registered', categories: ['ALONE', 'OTHER'] } },
      within: { leftBehind: 'registered' },
    };
    const counts = rows({
      // 20 registered, 18 left-behind: the 2 who are not (all of them in difficulty) would be 20 − 18.
      a: { registered: 20, leftBehind: 18, alone: 6, 'form:ALONE': 6, 'form:OTHER': 14 },
      // Every child left-behind: nobody outside, nothing to single out.
      b: { registered: 20, leftBehind: 20, alone: 6, 'form:ALONE': 6, 'form:OTHER': 14 },
      c: { registered: 20, leftBehind: 12, alone: 6, 'form:ALONE': 6, 'form:OTHER': 14 },
    });
    const table = suppressTable(['a', 'b', 'c'], counts, family, 5);
    expect(publishedFigures(table, 'a').count('leftBehind')).toEqual({ value: null, suppressed: true });
    expect(publishedFigures(table, 'a').count('registered')).toEqual({ value: 20, suppressed: false });
    expect(publishedFigures(table, 'b').count('leftBehind')).toEqual({ value: 20, suppressed: false });
    // a alone withheld among the three would be the parent's total minus b and c: c's goes too.
    expect(publishedFigures(table, 'c').count('leftBehind').suppressed).toBe(true);
  });

  it('withholds both names of one count when either is withheld', () => {
    const family: FigureFamily = {
      singles: ['registered', 'alone'],
      breakdowns: { form: { total: 'registered', categories: ['ALONE', 'KIN', 'OTHER'] } },
      same: [['alone', 'form:ALONE']],
    };
    // OTHER (3) is withheld; ALONE (6) is the smallest other category, withheld to protect it, and so is `alone`, the same 6.
    const counts = rows({ a: { registered: 20, alone: 6, 'form:ALONE': 6, 'form:KIN': 11, 'form:OTHER': 3 } });
    const table = suppressTable(['a'], counts, family, 5);
    const { count } = publishedFigures(table, 'a');
    expect(count('form:OTHER').suppressed).toBe(true);
    expect(count('form:ALONE').suppressed).toBe(true);
    expect(count('alone')).toEqual({ value: null, suppressed: true });
    expect(count('form:KIN')).toEqual({ value: 11, suppressed: false });
  });
});
