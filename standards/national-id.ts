import { DomainError, ErrorCode } from '../platform/errors';
import { isIssuingRegionCode } from './regions';

/**
 * 居民身份证号 (GB 11643-1999): 6-digit region of first registration, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function nationalIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface NationalIdFacts {
  /** Normalised: upper-case X. */
  value: string;
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.INVALID_NATIONAL_ID, message, { field: 'nationalId' });
}

/** Parses and checks a national ID; throws INVALID_NATIONAL_ID with the reason. */
export function parseNationalId(raw: string): NationalIdFacts {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) throw invalid('A national ID has 17 digits followed by a digit or X.');
  if (nationalIdCheckCharacter(value.slice(0, 17)) !== value[17]) throw invalid('The national ID check digit does not match.');
  if (!isIssuingRegionCode(value.slice(0, 6))) throw invalid('The national ID does not begin with a real GB/T 2260 division code.');
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birthDate || birthDate < '1900-01-01') {
    throw invalid('The national ID holds an impossible birth date.');
  }
  return { value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/** Checks that the ID agrees with the birth date and gender registered beside it. */
export function assertNationalIdMatches(facts: NationalIdFacts, birthDate: string, gender: string): void {
  if (facts.birthDate !== birthDate) throw invalid('The national ID does not match the birth date.');
  if (facts.gender !== gender) throw invalid('The national ID does not match the gender.');
}

/** Builds a valid ID (for demo data and tests): region, birth date, 3-digit sequence. */
export function composeNationalId(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}
