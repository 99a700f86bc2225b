/**
 * Small-count suppression (小数抑制) of one figure family over the regions (or schools) of one
 * table: primary (every count under the threshold), then complementary until nothing changes, so no
 * withheld count is the difference of published ones. The same algorithm serves every agency's
 * figures; what differs is the family (its single figures and its breakdowns).
 */

/** A breakdown: categories that add up to a total figure of the same family (or, with no total, that overlap and add up to nothing). */
export interface Breakdown {
  readonly total: string | null;
  readonly categories: ReadonlyArray<string>;
}

/** A figure family: the figures one SQL statement counts, named `figure` or `breakdown:CATEGORY`. */
export interface FigureFamily {
  readonly singles: ReadonlyArray<string>;
  readonly breakdowns: Readonly<Record<string, Breakdown>>;
  /**
   * Figures that count a subset of another (a rate's numerator within its denominator, left-behind
   * within registered): the children without it, the total minus the figure, are a cell too.
   */
  readonly within?: Readonly<Record<string, string>>;
  /** Pairs of figures that always hold the same count under two names (living alone, and the ALONE guardianship form): withheld together. */
  readonly same?: ReadonlyArray<readonly [string, string]>;
}

/** One count of one member of the table (a region, a school): `''` holds what is placed in no member, never published. */
export interface CountRow {
  region: string;
  figure: string;
  n: string | number;
}

/** The members of a table with every figure's count, and which counts are withheld. */
export interface FigureTable {
  rows: Map<string, Map<string, number>>;
  suppressed: Set<string>;
}

/** Every figure a family counts. */
export function figuresOfFamily(family: FigureFamily): string[] {
  return [
    ...family.singles,
    ...Object.entries(family.breakdowns).flatMap(([name, breakdown]) => breakdown.categories.map((category) => `${name}:${category}`)),
  ];
}

const cell = (member: string, figure: string) => `${member}|${figure}`;

/**
 * Builds a table from its counts and withholds what must be withheld: every count under the
 * threshold (primary suppression), then, until nothing changes, a second count wherever a withheld
 * one could be worked out by subtraction (complementary suppression): within a member, a figure
 * whose published total it falls short of by a small number, both names of one count if either is
 * withheld, a breakdown with one withheld category whose total is published (the total minus the
 * others); across the
 * table's members, a figure withheld in one member only (the parent's published figure minus the
 * others). Members with nothing count as zero; the `''` row (placed in no member) is never
 * published and cannot protect a withheld cell, since an analyst may learn it is empty.
 */
export function suppressTable(members: ReadonlyArray<string>, counts: ReadonlyArray<CountRow>, family: FigureFamily, threshold: number): FigureTable {
  const all = figuresOfFamily(family);
  const rows = new Map<string, Map<string, number>>();
  const rowOf = (member: string) => {
    let row = rows.get(member);
    if (!row) rows.set(member, (row = new Map(all.map((figure) => [figure, 0]))));
    return row;
  };
  for (const member of members) rowOf(member);
  for (const count of counts) {
    // A figure outside the family (e.g. a member's roll call, `school`) only names a member.
    const row = rowOf(count.region);
    if (all.includes(count.figure)) row.set(count.figure, Number(count.n));
  }

  const suppressed = new Set<string>();
  for (const [member, row] of rows) for (const [figure, value] of row) if (value < threshold) suppressed.add(cell(member, figure));

  const withholdSmallest = (candidates: Array<[string, number]>) => {
    const open = candidates.filter(([key]) => !suppressed.has(key)).sort((a, b) => a[1] - b[1]);
    if (open.length) suppressed.add(open[0]![0]);
    return open.length > 0;
  };
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const [member, row] of rows) {
      // One count under two names: withholding one name alone would publish it under the other.
      for (const [a, b] of family.same ?? []) {
        if (suppressed.has(cell(member, a)) !== suppressed.has(cell(member, b))) {
          suppressed.add(cell(member, a)).add(cell(member, b));
          changed = true;
        }
      }
      // The children outside a subset, its total minus it, must not be a small published difference
      // (20 registered and 18 left-behind tell of 2 who are not, all of them in difficulty). None
      // outside is let through: it tells only that every child counted has the figure.
      for (const [figure, total] of Object.entries(family.within ?? {})) {
        if (suppressed.has(cell(member, figure)) || suppressed.has(cell(member, total))) continue;
        const outside = row.get(total)! - row.get(figure)!;
        if (outside > 0 && outside < threshold) {
          suppressed.add(cell(member, figure));
          changed = true;
        }
      }
      for (const [name, { total, categories }] of Object.entries(family.breakdowns)) {
        if (total === null) continue;
        const keys = categories.map((category) => cell(member, `${name}:${category}`));
        if (keys.filter((key) => suppressed.has(key)).length === 1 && !suppressed.has(cell(member, total)))
          changed = withholdSmallest(categories.map((category, at) => [keys[at]!, row.get(`${name}:${category}`)!])) || changed;
      }
    }
    const published = [...rows.keys()].filter((member) => member !== '');
    for (const figure of all) {
      const keys = published.map((member) => cell(member, figure));
      if (keys.filter((key) => suppressed.has(key)).length === 1)
        changed = withholdSmallest(published.map((member, at) => [keys[at]!, rows.get(member)!.get(figure)!])) || changed;
    }
  }
  return { rows, suppressed };
}

/** Reads one member's published figures out of a suppressed table. */
export function publishedFigures(table: FigureTable, member: string) {
  const row = table.rows.get(member);
  const count = (figure: string) => {
    const suppressed = !row || table.suppressed.has(cell(member, figure));
    return { value: suppressed ? null : row.get(figure)!, suppressed };
  };
  return {
    count,
    breakdown: (family: FigureFamily, name: string) =>
      family.breakdowns[name]!.categories.map((category) => ({ category, count: count(`${name}:${category}`) })),
    rate: (numerator: string, denominator: string) => {
      const top = count(numerator);
      const bottom = count(denominator);
      return { numerator: top, denominator: bottom, value: top.value !== null && bottom.value ? top.value / bottom.value : null };
    },
  };
}
