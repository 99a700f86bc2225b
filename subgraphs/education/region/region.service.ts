import { publishedFigures, type FigureFamily, type FigureTable } from '../../shared/reports/suppression';
import type { EducationFigures } from './region.type';

/** Education's figure family: its single figures, the enrolment breakdown (adds up to `enrolled`) and aid by kind (overlapping). */
export const EDUCATION_FIGURES: FigureFamily = {
  singles: [
    'registered',
    'enrolled',
    'fileChecked',
    'careDue',
    'withCarePerson',
    'talkedWithin14Days',
    'screened',
    'dropoutOpened',
    'dropoutEscalated',
    'dropoutReturned',
  ],
  breakdowns: {
    enrolmentStatus: { total: 'enrolled', categories: ['ENROLLED', 'SUSPENDED'] },
    aidKind: {
      total: null,
      categories: ['BOARDING_LIVING_ALLOWANCE', 'FREE_TEXTBOOKS', 'MEAL_FEE_WAIVER', 'BOARDING_FEE_WAIVER', 'AFTER_SCHOOL_FEE_WAIVER', 'NUTRITION_PROGRAMME'],
    },
  },
  // Each rate's numerator counts children within its denominator.
  within: {
    enrolled: 'registered',
    fileChecked: 'enrolled',
    withCarePerson: 'careDue',
    talkedWithin14Days: 'careDue',
    screened: 'enrolled',
    dropoutReturned: 'dropoutOpened',
  },
};

/** A region's education figures as published from its parent's table. */
export function educationFiguresOf(table: FigureTable, code: string, asOf: string, recordedAt: Date, threshold: number): EducationFigures {
  const { count, breakdown, rate } = publishedFigures(table, code);
  return {
    asOf,
    recordedAt,
    threshold,
    registered: count('registered'),
    enrolment: rate('enrolled', 'registered'),
    byEnrolmentStatus: breakdown(EDUCATION_FIGURES, 'enrolmentStatus'),
    filing: rate('fileChecked', 'enrolled'),
    carePersonCoverage: rate('withCarePerson', 'careDue'),
    talksWithin14Days: rate('talkedWithin14Days', 'careDue'),
    screeningCoverage: rate('screened', 'enrolled'),
    dropoutCasesOpened: count('dropoutOpened'),
    dropoutCasesEscalated: count('dropoutEscalated'),
    dropoutReturned: rate('dropoutReturned', 'dropoutOpened'),
    aidByKind: breakdown(EDUCATION_FIGURES, 'aidKind'),
  };
}
