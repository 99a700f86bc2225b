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
});
