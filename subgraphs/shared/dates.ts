/** Calendar dates as the API and the database exchange them: "YYYY-MM-DD", in UTC. */

/** The UTC day `today` last answered, and the instants it covers ([from, until)). */
let day = { date: '', from: 0, until: 0 };

/**
 * Today's date. Kept until the day ends (UTC), or the clock is set back before it began: it is
 * read for every child of a page (their age), and writing out a Date each time cost about 0.6 %
 * of civil affairs' CPU.
 */
export function today(): string {
  const now = Date.now();
  if (now < day.from || now >= day.until) {
    const date = isoDate(new Date(now));
    const from = Date.parse(`${date}T00:00:00Z`);
    day = { date, from, until: from + 86_400_000 };
  }
  return day.date;
}

/** The date part of an instant. */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The date `days` days before `from` (negative: after). */
export function daysBefore(days: number, from: string = today()): string {
  return isoDate(new Date(Date.parse(`${from}T00:00:00Z`) - days * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
