import { badInput } from '../../../platform/errors';
import { daysBefore } from '../../shared/dates';
import type { TermInput } from './term.inputs';
import { TermSeason, type Term } from './term.type';

/**
 * Terms start on 1 March (spring) and 1 September (autumn); the term sweep (排查) is due within a
 * week of the start (seed 004: 每年 3 月和 9 月开学一周内), so its window is the first seven days.
 */
export const SWEEP_WINDOW_DAYS = 7;

/** Checks a term argument. */
export function checkedTerm(input: TermInput, field = 'term'): Term {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput(`${field}.year must be between 2000 and 2100.`, `${field}.year`);
  return { year: input.year, season: input.season };
}

/** The term a date falls in: March to August is spring, September to February autumn (of the year it began). */
export function termOf(date: string): Term {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 3 && month <= 8) return { year, season: TermSeason.SPRING };
  return { year: month >= 9 ? year : year - 1, season: TermSeason.AUTUMN };
}

/** The first day of a term. */
export function termStart(term: Term): string {
  return `${term.year}-${term.season === TermSeason.SPRING ? '03' : '09'}-01`;
}

/** The last day of the term's sweep window. */
export function sweepWindowEnd(term: Term): string {
  return daysBefore(-(SWEEP_WINDOW_DAYS - 1), termStart(term));
}
