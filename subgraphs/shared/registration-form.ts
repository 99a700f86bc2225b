import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, badInput } from '../../platform/errors';
import { localDateProblem } from '../../platform/local-date';
import { assertNationalIdMatches, parseNationalId } from '../../standards/national-id';
import { isCountyCode, isTownshipCode } from '../../standards/regions';
import { isoDate } from './dates';
import { Gender, GuardianshipForm } from './registry-enums';
import type { ImportRowProblem, RegistrationFormRowFields, RegistrationImportResult } from './registration-form.types';
import { countyCode, optionalPhone, optionalText, pastDate, requiredText } from './validation';

/**
 * The rules of a registration form's row (seed 003 附件 1) that both agencies apply before they
 * write anything: each cell parsed and checked, every problem of the row collected with its field.
 */

/** Most rows one import may carry: a county's whole term of forms, bounded so one request stays within its deadline. */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * How long one import's transaction and each of its statements may take: ten thousand rows are one
 * transaction, past a request's usual deadline on a busy server. The gateway's import endpoint
 * waits a little longer (IMPORT_SUBGRAPH_TIMEOUT_MS); a call it abandons is rolled back.
 */
export const BULK_WRITE_DEADLINE_MS = 45_000;

/** The registry holds minors only. */
const MAX_AGE_YEARS = 18;

/** A parent's whereabouts as the form gives them (父母外出情况). */
export interface FormParent {
  name: string | null;
  phone: string | null;
  workPlace: string | null;
  awaySince: string | null;
  unableToGuard: boolean;
  unableReason: string | null;
}

/** One row's facts, parsed and checked. */
export interface FormFacts {
  line: number;
  name: string;
  gender: Gender;
  birthDate: string;
  nationalId: string | null;
  ethnicity: string | null;
  className: string | null;
  householdRegionCode: string;
  householdTownshipCode: string | null;
  householdVillage: string | null;
  residenceRegionCode: string;
  residenceTownshipCode: string;
  residenceVillage: string | null;
  father: FormParent | null;
  mother: FormParent | null;
  guardian: { form: GuardianshipForm; name: string | null; relationship: string | null; phone: string | null; address: string | null };
  concerns: string | null;
}

const GENDERS: Readonly<Record<string, Gender>> = { 男: Gender.MALE, 女: Gender.FEMALE, MALE: Gender.MALE, FEMALE: Gender.FEMALE };

/** The guardianship forms as 附件 2 names them (监护形式), with the enum's names and common variants. */
const GUARDIANSHIP_FORMS: Readonly<Record<string, GuardianshipForm>> = {
  随祖父母生活: GuardianshipForm.GRANDPARENTS,
  祖辈监护: GuardianshipForm.GRANDPARENTS,
  随亲戚朋友生活: GuardianshipForm.RELATIVES_OR_FRIENDS,
  亲友监护: GuardianshipForm.RELATIVES_OR_FRIENDS,
  父母一方监护: GuardianshipForm.ONE_PARENT,
  随父母一方生活: GuardianshipForm.ONE_PARENT,
  独立生活: GuardianshipForm.ALONE,
  独居: GuardianshipForm.ALONE,
  随其他生活: GuardianshipForm.OTHER,
  其他: GuardianshipForm.OTHER,
  ...Object.fromEntries(Object.values(GuardianshipForm).map((form) => [form, form])),
};

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date as people write it on a form, as YYYY-MM-DD; BAD_USER_INPUT naming the field otherwise. */
export function formDate(value: string, field: string): string {
  const match = DATE.exec(value.trim());
  const iso = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : null;
  const problem = iso ? localDateProblem(iso) : 'write it as YYYY-MM-DD, such as 2015-06-01';
  if (problem) throw badInput(`${field} is not a date: ${problem}.`, field);
  return pastDate(iso!, field);
}

function required(value: string | null | undefined, field: string): string {
  if (value === null || value === undefined || !value.trim()) throw badInput(`${field} is required.`, field);
  return value.trim();
}

function lookup<T>(table: Readonly<Record<string, T>>, value: string, field: string, expected: string): T {
  const found = table[value.trim().toUpperCase()] ?? table[value.trim()];
  if (found === undefined) throw badInput(`${field} must be ${expected}.`, field);
  return found;
}

/** A household place: a county code, or a township code (its county is its first six digits). */
function householdPlace(value: string): { county: string; township: string | null } {
  const field = 'householdRegionCode';
  if (isCountyCode(value)) return { county: value, township: null };
  if (isTownshipCode(value)) return { county: value.slice(0, 6), township: value };
  throw new DomainError(ErrorCode.INVALID_REGION_CODE, `${field} must be a GB/T 2260 county code (6 digits) or township code (9 digits).`, { field });
}

function residenceTownship(value: string): string {
  const field = 'residenceTownshipCode';
  if (!isTownshipCode(value)) throw new DomainError(ErrorCode.INVALID_REGION_CODE, `${field} must be the 9-digit code of a township (乡镇).`, { field });
  return value;
}

function parent(row: RegistrationFormRowFields, who: 'father' | 'mother', problems: Problems): FormParent | null {
  const name = problems.check(() => optionalText(row[`${who}Name`], `${who}Name`, 50));
  const phone = problems.check(() => optionalPhone(row[`${who}Phone`], `${who}Phone`));
  const workPlace = problems.check(() => optionalText(row[`${who}WorkPlace`], `${who}WorkPlace`, 200));
  const away = row[`${who}AwaySince`]?.trim();
  const awaySince = away ? problems.check(() => formDate(away, `${who}AwaySince`)) : null;
  if (!name && !phone && !workPlace && !awaySince) return null;
  return { name: name ?? null, phone: phone ?? null, workPlace: workPlace ?? null, awaySince: awaySince ?? null, unableToGuard: false, unableReason: null };
}

/** Collects a row's problems: each check that throws a client error is noted against its field. */
class Problems {
  readonly list: ImportRowProblem[] = [];
  constructor(readonly line: number) {}

  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      this.add(err);
      return undefined;
    }
  }

  add(err: GraphQLError): void {
    const field = err.extensions.field;
    this.list.push({
      line: this.line,
      field: typeof field === 'string' ? field : null,
      code: String(err.extensions.code ?? ErrorCode.BAD_USER_INPUT),
      message: err.message,
    });
  }
}

/** One row's facts, or its problems (every one found, not just the first). */
export function readFormRow(row: RegistrationFormRowFields): { facts: FormFacts } | { problems: ImportRowProblem[] } {
  const problems = new Problems(row.line);
  const name = problems.check(() => requiredText(required(row.name, 'name'), 'name', 50));
  const gender = problems.check(() => lookup(GENDERS, required(row.gender, 'gender'), 'gender', '男 or 女'));
  const birthDate = problems.check(() => {
    const value = formDate(required(row.birthDate, 'birthDate'), 'birthDate');
    const limit = new Date();
    limit.setUTCFullYear(limit.getUTCFullYear() - MAX_AGE_YEARS);
    if (value <= isoDate(limit)) throw badInput('birthDate: the registry holds minors only.', 'birthDate');
    return value;
  });
  const nationalId = row.nationalId?.trim()
    ? problems.check(() => {
        const facts = parseNationalId(row.nationalId!);
        if (birthDate && gender) assertNationalIdMatches(facts, birthDate, gender);
        return facts.value;
      })
    : null;
  const household = problems.check(() => householdPlace(required(row.householdRegionCode, 'householdRegionCode')));
  const township = problems.check(() => residenceTownship(required(row.residenceTownshipCode, 'residenceTownshipCode')));
  const form = problems.check(() =>
    lookup(
      GUARDIANSHIP_FORMS,
      required(row.guardianshipForm, 'guardianshipForm'),
      'guardianshipForm',
      '随祖父母生活, 随亲戚朋友生活, 父母一方监护, 独立生活 or 随其他生活',
    ),
  );
  const guardian = {
    name: problems.check(() => optionalText(row.guardianName, 'guardianName', 50)) ?? null,
    relationship: problems.check(() => optionalText(row.guardianRelationship, 'guardianRelationship', 30)) ?? null,
    phone: problems.check(() => optionalPhone(row.guardianPhone, 'guardianPhone')) ?? null,
    address: problems.check(() => optionalText(row.guardianAddress, 'guardianAddress', 200)) ?? null,
  };
  const facts = {
    ethnicity: problems.check(() => optionalText(row.ethnicity, 'ethnicity', 20)) ?? null,
    className: problems.check(() => optionalText(row.className, 'className', 30)) ?? null,
    householdVillage: problems.check(() => optionalText(row.householdVillage, 'householdVillage', 100)) ?? null,
    residenceVillage: problems.check(() => optionalText(row.residenceVillage, 'residenceVillage', 100)) ?? null,
    concerns: problems.check(() => optionalText(row.concerns, 'concerns', 1000)) ?? null,
    father: parent(row, 'father', problems),
    mother: parent(row, 'mother', problems),
  };
  if (row.filledOn?.trim()) problems.check(() => formDate(row.filledOn!, 'filledOn'));
  if (problems.list.length) return { problems: problems.list };
  return {
    facts: {
      line: row.line,
      name: name!,
      gender: gender!,
      birthDate: birthDate!,
      nationalId: nationalId ?? null,
      householdRegionCode: countyCode(household!.county, 'householdRegionCode'),
      householdTownshipCode: household!.township,
      residenceRegionCode: township!.slice(0, 6),
      residenceTownshipCode: township!,
      guardian: { form: form!, ...guardian },
      ...facts,
    },
  };
}

/**
 * How a row is matched against what is already there, so that importing a file twice creates
 * nothing new: its national ID; without one, its name, birth date and township of residence.
 */
export function matchKey(facts: Pick<FormFacts, 'nationalId' | 'name' | 'birthDate' | 'residenceTownshipCode'>): string {
  return facts.nationalId ? `id:${facts.nationalId}` : `person:${personKey(facts)}`;
}

/** A child without a national ID, as `name|birthDate|township` (the repositories' look-ups answer by it). */
export function personKey(facts: Pick<FormFacts, 'name' | 'birthDate' | 'residenceTownshipCode'>): string {
  return `${facts.name}|${facts.birthDate}|${facts.residenceTownshipCode}`;
}

/** A problem naming the whole row (no field). */
export function rowProblem(line: number, code: ErrorCode, message: string, field: string | null = null): ImportRowProblem {
  return { line, field, code, message };
}

/**
 * Every row read: the valid rows' facts, and every problem, with a row repeating an earlier row of
 * the same file (same match key) refused as a CONFLICT naming the first line.
 */
export function readFormRows(rows: ReadonlyArray<RegistrationFormRowFields>): { valid: FormFacts[]; problems: ImportRowProblem[] } {
  if (rows.length === 0) throw badInput('The import holds no rows.', 'input.rows');
  if (rows.length > MAX_IMPORT_ROWS) throw badInput(`An import holds at most ${MAX_IMPORT_ROWS} rows; split the file.`, 'input.rows');
  const lines = new Set<number>();
  const firstLineOf = new Map<string, number>();
  const valid: FormFacts[] = [];
  const problems: ImportRowProblem[] = [];
  for (const row of rows) {
    if (!Number.isInteger(row.line) || row.line < 1 || lines.has(row.line))
      throw badInput('Each row needs its own line number (1 or more).', 'input.rows.line');
    lines.add(row.line);
    const read = readFormRow(row);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const key = matchKey(read.facts);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push(
        rowProblem(
          row.line,
          ErrorCode.CONFLICT,
          `The row repeats line ${first} (the same ${read.facts.nationalId ? 'national ID' : 'name, birth date and township'}).`,
        ),
      );
      continue;
    }
    firstLineOf.set(key, row.line);
    valid.push(read.facts);
  }
  return { valid, problems };
}

/** Thrown inside a write to roll it back: rows the database refused (an ID already held, no reason to be registered). */
export class RowsRefused extends Error {
  constructor(readonly problems: ImportRowProblem[]) {
    super('rows refused');
  }
}

/**
 * Writes the rows with `write` in one savepoint of the request's transaction. When the database
 * refuses rows (`write` throws RowsRefused), everything is rolled back; with `onlyValidRows` the
 * others are written in a second pass. Returns the rows written (null: nothing was) and the refusals.
 */
export async function writeInOneTransaction(
  db: EntityManager,
  rows: FormFacts[],
  onlyValidRows: boolean,
  write: (em: EntityManager, rows: FormFacts[]) => Promise<void>,
): Promise<{ written: FormFacts[] | null; refused: ImportRowProblem[] }> {
  const refused: ImportRowProblem[] = [];
  for (let pass = 1; ; pass++) {
    try {
      await db.transaction((em) => write(em, rows));
      return { written: rows, refused };
    } catch (err) {
      if (!(err instanceof RowsRefused)) throw err;
      refused.push(...err.problems);
    }
    if (!onlyValidRows || pass === 2) return { written: null, refused };
    const lines = new Set(refused.map((problem) => problem.line));
    rows = rows.filter((facts) => !lines.has(facts.line));
  }
}

/** An import's answer: `rows` received, `present` of them matched what was there; problems in line order. */
export function importResult(rows: number, present: number, problems: ImportRowProblem[]): (written: boolean, created: number) => RegistrationImportResult {
  return (written, created) => ({ rows, written, created, alreadyPresent: present, problems: problems.sort((a, b) => a.line - b.line) });
}
