import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * The calendar dates the API accepts: real days (no 2023-02-29, no month 13) between these two.
 * Nothing this registry records (a birth, a visit, a consent's term) falls outside them; a date
 * that does is a typing mistake, refused at the door rather than stored.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2099-12-31';

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not an acceptable date, or null when it is one. */
export function localDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'a date is a string such as 2015-06-01';
  const match = FORMAT.exec(value);
  if (!match) return 'a date is written YYYY-MM-DD, such as 2015-06-01';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return `${value} is not a day of the calendar`;
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `dates run from ${EARLIEST_DATE} to ${LATEST_DATE}`;
  return null;
}

function parse(value: unknown): string {
  const problem = localDateProblem(value);
  if (problem) throw new GraphQLError(`Not a valid date: ${problem}.`);
  return value as string;
}

/**
 * `LocalDate`: a calendar date without time zone, "YYYY-MM-DD". The subgraphs serve it, and the
 * gateway parses its inputs with the same rules (gateway/input-checks.ts), so an impossible date
 * is a client error wherever it is sent.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: `A calendar date without time zone, "YYYY-MM-DD" (e.g. 2015-06-01): a real day from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && FORMAT.test(value)) return value;
    throw new GraphQLError('A LocalDate value must be a date.');
  },
  parseValue: parse,
  parseLiteral(node: ValueNode) {
    if (node.kind !== Kind.STRING) throw new GraphQLError('Not a valid date: a date is a string such as "2015-06-01".');
    return parse(node.value);
  },
});
