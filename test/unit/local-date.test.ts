import { localDateProblem } from '../../platform/local-date';

describe('LocalDate', () => {
  it.each(['2015-06-01', '2024-02-29', '1900-01-01', '2099-12-31'])('accepts %s', (value) => {
    expect(localDateProblem(value)).toBeNull();
  });

  it.each([
    ['2023-02-29', /not a day of the calendar/],
    ['2026-13-01', /not a day of the calendar/],
    ['2026-04-31', /not a day of the calendar/],
    ['', /YYYY-MM-DD/],
    ['2015-6-1', /YYYY-MM-DD/],
    ['1899-12-31', /from 1900-01-01 to 2099-12-31/],
    ['2150-01-01', /from 1900-01-01 to 2099-12-31/],
    [20150601, /string/],
  ])('refuses %p', (value, reason) => {
    expect(localDateProblem(value)).toMatch(reason);
  });
});
