import { publishedFigures, type FigureFamily, type FigureTable } from '../../shared/reports/suppression';
import type { SchoolSummaryFigures } from './school-summary.type';

/** The summary's figure family (附件2): single figures, the parents' absence (adds up to `onRoster`) and the changes (add up to `leftSchool`). */
export const SCHOOL_SUMMARY_FIGURES: FigureFamily = {
  singles: ['onRoster', 'leftBehind', 'inDifficulty', 'suspended', 'boarders', 'withCarePerson', 'talkedWithin14Days', 'leftSchool'],
  breakdowns: {
    leftBehindType: { total: 'onRoster', categories: ['BOTH_PARENTS_AWAY', 'ONE_PARENT_AWAY', 'NONE'] },
    leftSchoolAs: { total: 'leftSchool', categories: ['TRANSFERRED', 'DROPPED_OUT', 'GRADUATED'] },
  },
  within: {
    leftBehind: 'onRoster',
    inDifficulty: 'onRoster',
    suspended: 'onRoster',
    boarders: 'onRoster',
    withCarePerson: 'onRoster',
    talkedWithin14Days: 'onRoster',
  },
};

/** A school's summary as published from its county's table. */
export function schoolSummaryOf(table: FigureTable, schoolId: string, asOf: string, recordedAt: Date, threshold: number): SchoolSummaryFigures {
  const { count, breakdown, rate } = publishedFigures(table, schoolId);
  return {
    asOf,
    recordedAt,
    threshold,
    onRoster: count('onRoster'),
    byParentsAway: breakdown(SCHOOL_SUMMARY_FIGURES, 'leftBehindType'),
    leftBehind: count('leftBehind'),
    inDifficultCircumstances: count('inDifficulty'),
    suspended: count('suspended'),
    boarders: count('boarders'),
    carePersonCoverage: rate('withCarePerson', 'onRoster'),
    talksWithin14Days: rate('talkedWithin14Days', 'onRoster'),
    leftThisTerm: count('leftSchool'),
    byChange: breakdown(SCHOOL_SUMMARY_FIGURES, 'leftSchoolAs'),
  };
}
