import { today } from '../../subgraphs/shared/dates';

// today() keeps its answer for the rest of the UTC day: it must still turn at midnight, and follow a
// clock set back.
describe('today', () => {
  afterEach(() => jest.restoreAllMocks());
  const at = (instant: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(instant));

  it('answers the UTC date, and turns at midnight', () => {
    at('2026-12-06T23:59:59.999Z');
    expect(today()).toBe('2026-12-06');
    at('2026-12-07T00:00:00.000Z');
    expect(today()).toBe('2026-12-07');
    at('2026-12-07T15:00:00.000Z');
    expect(today()).toBe('2026-12-07');
  });

  it('follows a clock set back to an earlier day', () => {
    at('2026-12-08T10:00:00Z');
    expect(today()).toBe('2026-12-08');
    at('2026-12-07T23:00:00Z');
    expect(today()).toBe('2026-12-07');
  });

  it('matches a fresh reading of the clock now', () => {
    expect(today()).toBe(new Date().toISOString().slice(0, 10));
  });
});
