import { provinceCodes, regionChildren, regionLevel, regionOrTownshipName, regionParent } from '../../../standards/regions';
import { RegionLevel, type CategoryCount, type ChildFigures, type Count, type Region } from './region.type';
import type { RegionCountRow, RegionGrouping } from './region.repository';

/** A region by code, or null when the dataset has no such province, city, county or township. */
export function regionByCode(code: string): Region | null {
  const level = regionLevel(code);
  const name = regionOrTownshipName(code);
  return level && name ? { code, name, level: RegionLevel[level] } : null;
}

/** The single figures of a region, and the breakdowns whose categories add up to `registered`. */
const SINGLE_FIGURES = ['registered', 'leftBehind', 'inDifficultCircumstances', 'livingAlone', 'guardianUnable', 'reviewedWithinThreeMonths'] as const;
const BREAKDOWNS = {
  gender: ['MALE', 'FEMALE'],
  ageBand: ['AGE_0_5', 'AGE_6_11', 'AGE_12_15', 'AGE_16_17'],
  guardianshipForm: ['GRANDPARENTS', 'RELATIVES_OR_FRIENDS', 'ONE_PARENT', 'ALONE', 'OTHER', 'NONE'],
} as const;
const ALL_FIGURES = [...SINGLE_FIGURES, ...Object.entries(BREAKDOWNS).flatMap(([family, categories]) => categories.map((category) => `${family}:${category}`))];

/** The children regions of a parent with every figure's count, and which counts are withheld. */
export interface FigureTable {
  rows: Map<string, Map<string, number>>;
  suppressed: Set<string>;
}

const cell = (region: string, figure: string) => `${region}|${figure}`;

/** The parent whose table holds a region's figures (`''`: the country, whose rows are provinces), and how that table is grouped. */
export function tableOf(code: string): { parent: string; grouping: RegionGrouping } {
  const parent = regionParent(code);
  if (parent === null) return { parent: '', grouping: 'province' };
  const level = regionLevel(code);
  return { parent, grouping: level === 'TOWNSHIP' ? 'township' : level === 'CITY' ? 'city' : 'county' };
}

/** The SQL prefix of a parent: the digits every child region under it starts with. */
export function prefixOf(parent: string): string {
  const level = parent === '' ? null : regionLevel(parent);
  if (level === 'PROVINCE') return parent.slice(0, 2);
  if (level === 'CITY') return parent.slice(0, 4);
  return parent;
}

/**
 * Builds a parent's table from its counts and withholds what must be withheld: every count under
 * the threshold (primary suppression), then, until nothing changes, a second count wherever a
 * withheld one could be worked out by subtraction (complementary suppression): within a region, a
 * breakdown with one withheld category (the total minus the others); across the parent's regions,
 * a figure withheld in one region only (the parent's published figure minus the others). Regions
 * with no children count as zero; children placed in no township form a row of their own (`''`),
 * never published, which cannot protect a withheld cell since an analyst may learn it is empty.
 */
export function suppressedTable(parent: string, counts: ReadonlyArray<RegionCountRow>, threshold: number): FigureTable {
  const rows = new Map<string, Map<string, number>>();
  const rowOf = (region: string) => {
    let row = rows.get(region);
    if (!row) rows.set(region, (row = new Map(ALL_FIGURES.map((figure) => [figure, 0]))));
    return row;
  };
  for (const region of parent === '' ? provinceCodes() : regionChildren(parent)) rowOf(region);
  for (const count of counts) rowOf(count.region).set(count.figure, Number(count.n));

  const suppressed = new Set<string>();
  for (const [region, row] of rows) for (const [figure, value] of row) if (value < threshold) suppressed.add(cell(region, figure));

  const withholdSmallest = (candidates: Array<[string, number]>) => {
    const open = candidates.filter(([key]) => !suppressed.has(key)).sort((a, b) => a[1] - b[1]);
    if (open.length) suppressed.add(open[0]![0]);
    return open.length > 0;
  };
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const [region, row] of rows) {
      for (const [family, categories] of Object.entries(BREAKDOWNS)) {
        const keys = categories.map((category) => cell(region, `${family}:${category}`));
        if (keys.filter((key) => suppressed.has(key)).length === 1 && !suppressed.has(cell(region, 'registered')))
          changed = withholdSmallest(categories.map((category, at) => [keys[at]!, row.get(`${family}:${category}`)!])) || changed;
      }
    }
    const published = [...rows.keys()].filter((region) => region !== '');
    for (const figure of ALL_FIGURES) {
      const keys = published.map((region) => cell(region, figure));
      if (keys.filter((key) => suppressed.has(key)).length === 1)
        changed = withholdSmallest(published.map((region, at) => [keys[at]!, rows.get(region)!.get(figure)!])) || changed;
    }
  }
  return { rows, suppressed };
}

/** A region's figures as published from its parent's table. */
export function figuresOf(table: FigureTable, code: string, asOf: string, recordedAt: Date, threshold: number): ChildFigures {
  const row = table.rows.get(code);
  const count = (figure: string): Count => {
    const suppressed = !row || table.suppressed.has(cell(code, figure));
    return { value: suppressed ? null : row.get(figure)!, suppressed };
  };
  const breakdown = (family: keyof typeof BREAKDOWNS): CategoryCount[] =>
    BREAKDOWNS[family].map((category) => ({ category, count: count(`${family}:${category}`) }));
  const registered = count('registered');
  const reviewed = count('reviewedWithinThreeMonths');
  return {
    asOf,
    recordedAt,
    threshold,
    registered,
    leftBehind: count('leftBehind'),
    inDifficultCircumstances: count('inDifficultCircumstances'),
    livingAlone: count('livingAlone'),
    guardianUnable: count('guardianUnable'),
    byGender: breakdown('gender'),
    byAgeBand: breakdown('ageBand'),
    byGuardianshipForm: breakdown('guardianshipForm'),
    reviewedWithinThreeMonths: {
      numerator: reviewed,
      denominator: registered,
      value: reviewed.value !== null && registered.value ? reviewed.value / registered.value : null,
    },
  };
}
