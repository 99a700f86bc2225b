import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date without time zone, "YYYY-MM-DD" (birth dates, visit dates). */
export const LocalDate = LocalDateResolver;
/** An instant, ISO 8601 with offset. */
export const DateTimeISO = DateTimeISOResolver;
