import DataLoader from 'dataloader';
import { loaderFamily } from '../loaders';
import { prefixOf, regionsOf, tableOf, type RegionGrouping } from './region-table';
import { suppressTable, type CountRow, type FigureFamily, type FigureTable } from './suppression';

/** Counts a family for every region one level below a prefix, in one statement. */
export type RegionCounter = (prefix: string, grouping: RegionGrouping, asOf: string) => Promise<CountRow[]>;

/**
 * A request's loader of suppressed region tables for one figure family: one statement per parent
 * region (and day), shared by all of that parent's regions a query asks for, whatever their number.
 */
export function regionTableLoader(family: FigureFamily, count: RegionCounter) {
  return loaderFamily(
    (threshold: number) =>
      new DataLoader<string, FigureTable, string>(async (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [parent, grouping, asOf] = key.split('|') as [string, RegionGrouping, string];
            return suppressTable(regionsOf(parent), await count(prefixOf(parent), grouping, asOf), family, threshold);
          }),
        ),
      ),
    String,
  );
}

/** The suppressed table (its parent's) that holds a region's figures. */
export function tableHolding(loader: ReturnType<typeof regionTableLoader>, threshold: number, code: string, asOf: string): Promise<FigureTable> {
  const { parent, grouping } = tableOf(code);
  return loader(threshold).load(`${parent}|${grouping}|${asOf}`);
}
