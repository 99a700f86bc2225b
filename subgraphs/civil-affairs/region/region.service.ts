import { regionLevel, regionOrTownshipName } from '../../../standards/regions';
import { LeftBehindType } from '../classification/classification.type';
import { DifficultyCategory } from '../difficulty/difficulty.type';
import { regionsOf } from '../../shared/reports/region-table';
import { publishedFigures, suppressTable, type CountRow, type FigureFamily, type FigureTable } from '../../shared/reports/suppression';
import { RegionLevel, type ChildFigures, type Region } from './region.type';

/** A region by code, or null when the dataset has no such province, city, county or township. */
export function regionByCode(code: string): Region | null {
  const level = regionLevel(code);
  const name = regionOrTownshipName(code);
  return level && name ? { code, name, level: RegionLevel[level] } : null;
}

/** The registry's figure family: the single figures of a region, and the breakdowns whose categories add up to `registered`. */
export const CHILD_FIGURES: FigureFamily = {
  singles: ['registered', 'leftBehind', 'inDifficultCircumstances', 'livingAlone', 'guardianUnable', 'reviewedWithinThreeMonths'],
  breakdowns: {
    gender: { total: 'registered', categories: ['MALE', 'FEMALE'] },
    ageBand: { total: 'registered', categories: ['AGE_0_5', 'AGE_6_11', 'AGE_12_15', 'AGE_16_17'] },
    guardianshipForm: { total: 'registered', categories: ['GRANDPARENTS', 'RELATIVES_OR_FRIENDS', 'ONE_PARENT', 'ALONE', 'OTHER', 'NONE'] },
    leftBehindType: { total: 'registered', categories: Object.values(LeftBehindType) },
    // A child may hold several categories: they overlap and add up to no total.
    difficultyCategory: { total: null, categories: Object.values(DifficultyCategory) },
  },
  within: {
    leftBehind: 'registered',
    inDifficultCircumstances: 'registered',
    livingAlone: 'registered',
    guardianUnable: 'registered',
    reviewedWithinThreeMonths: 'registered',
    ...Object.fromEntries(Object.values(DifficultyCategory).map((category) => [`difficultyCategory:${category}`, 'inDifficultCircumstances'])),
  },
  same: [['livingAlone', 'guardianshipForm:ALONE']],
};

/** A parent's table of the registry's figures, suppressed (see `suppressTable`). */
export function suppressedTable(parent: string, counts: ReadonlyArray<CountRow>, threshold: number): FigureTable {
  return suppressTable(regionsOf(parent), counts, CHILD_FIGURES, threshold);
}

/** A region's figures as published from its parent's table. */
export function figuresOf(table: FigureTable, code: string, asOf: string, recordedAt: Date, threshold: number): ChildFigures {
  const { count, breakdown, rate } = publishedFigures(table, code);
  return {
    asOf,
    recordedAt,
    threshold,
    registered: count('registered'),
    leftBehind: count('leftBehind'),
    inDifficultCircumstances: count('inDifficultCircumstances'),
    livingAlone: count('livingAlone'),
    guardianUnable: count('guardianUnable'),
    byGender: breakdown(CHILD_FIGURES, 'gender'),
    byAgeBand: breakdown(CHILD_FIGURES, 'ageBand'),
    byGuardianshipForm: breakdown(CHILD_FIGURES, 'guardianshipForm'),
    byLeftBehindType: breakdown(CHILD_FIGURES, 'leftBehindType'),
    byDifficultCategory: breakdown(CHILD_FIGURES, 'difficultyCategory'),
    reviewedWithinThreeMonths: rate('reviewedWithinThreeMonths', 'registered'),
  };
}
