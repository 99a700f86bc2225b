import 'reflect-metadata';
import { regionChildren } from '../../standards/regions';
import { suppressedTable, figuresOf } from '../../subgraphs/civil-affairs/region/region.service';

const RECORDED = new Date('2026-11-24T08:00:00Z');

/** Region figures' suppression on tables made by hand: the primary threshold and each complementary rule. */
const rows = (counts: Record<string, Record<string, number>>) =>
  Object.entries(counts).flatMap(([region, figures]) => Object.entries(figures).map(([figure, n]) => ({ region, figure, n: String(n) })));

// A city-level table: the counties of 宿州市 (341300), most with nobody.
const PARENT = '341300';

describe('suppression', () => {
  it('withholds a count under the threshold, then one more so the region total minus the others does not give it', () => {
    const table = suppressedTable(
      '',
      rows({ '340000': { registered: 40, 'gender:MALE': 20, 'gender:FEMALE': 20 }, '360000': { registered: 3, 'gender:MALE': 2, 'gender:FEMALE': 1 } }),
      5,
    );
    // Only 安徽 and 江西 have children; every other province has 0 and is withheld, so 江西's 3 is among many withheld.
    expect(figuresOf(table, '360000', '2026-11-24', RECORDED, 5).registered).toEqual({ value: null, suppressed: true });
    expect(figuresOf(table, '340000', '2026-11-24', RECORDED, 5).registered).toEqual({ value: 40, suppressed: false });
  });

  it('withholds a second category when a breakdown has one withheld and its total is published', () => {
    const table = suppressedTable(PARENT, rows({ '341322': { registered: 30, 'gender:MALE': 27, 'gender:FEMALE': 3 } }), 5);
    const figures = figuresOf(table, '341322', '2026-11-24', RECORDED, 5);
    expect(figures.byGender).toEqual([
      { category: 'MALE', count: { value: null, suppressed: true } },
      { category: 'FEMALE', count: { value: null, suppressed: true } },
    ]);
    expect(figures.registered).toEqual({ value: 30, suppressed: false });
  });

  it('withholds a second region when only one of the parent’s regions is withheld for a figure', () => {
    // Every county of the city has children: one has 2, the smallest of the others must go too.
    const counties = regionChildren(PARENT);
    const counts = Object.fromEntries(counties.map((code, at) => [code, { registered: at === 0 ? 2 : 10 + at }]));
    const table = suppressedTable(PARENT, rows(counts), 5);
    const withheld = counties.filter((code) => figuresOf(table, code, '2026-11-24', RECORDED, 5).registered.suppressed);
    expect(withheld).toEqual([counties[0], counties[1]]);
  });

  it('publishes counts at and over the threshold, and a rate only when both its parts are', () => {
    const table = suppressedTable(
      PARENT,
      rows({ '341322': { registered: 5, reviewedWithinThreeMonths: 5 }, '341321': { registered: 6, reviewedWithinThreeMonths: 4 } }),
      5,
    );
    expect(figuresOf(table, '341322', '2026-11-24', RECORDED, 5).reviewedWithinThreeMonths).toEqual({
      numerator: { value: 5, suppressed: false },
      denominator: { value: 5, suppressed: false },
      value: 1,
    });
    expect(figuresOf(table, '341321', '2026-11-24', RECORDED, 5).reviewedWithinThreeMonths.value).toBeNull();
  });
});
