/** Calendar dates as the API and the database exchange them: "YYYY-MM-DD", in UTC. */

/** Today's date. */
export function today(): string {
  return isoDate(new Date());
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
