import { provinceCodes, regionChildren, regionLevel, regionParent } from '../../../standards/regions';

/** How a parent's children regions are keyed in SQL: by province, city, county or township code. */
export type RegionGrouping = 'province' | 'city' | 'county' | 'township';

/**
 * The parent whose table holds a region's figures (`''`: the country, whose rows are provinces),
 * and how that table is grouped. A region's figures are always computed within its parent's table,
 * so the answer does not depend on what else a query asks.
 */
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

/** The regions of a parent's table: the provinces for the country, else the regions one level down. */
export function regionsOf(parent: string): string[] {
  return parent === '' ? provinceCodes() : regionChildren(parent);
}
