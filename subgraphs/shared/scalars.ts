import { DateTimeISOResolver } from 'graphql-scalars';
import { LocalDateScalar } from '../../platform/local-date';

/** A calendar date without time zone, "YYYY-MM-DD" (birth dates, visit dates): a real day, 1900 to 2099. */
export const LocalDate = LocalDateScalar;
/** An instant, ISO 8601 with offset. */
export const DateTimeISO = DateTimeISOResolver;
