import { DomainError, ErrorCode, badInput } from '../../platform/errors';
import { isCountyCode, isRegionPrefix, isTownshipCode, isVillageCode } from '../../standards/regions';

/** Input checks shared by the subgraphs; each throws a DomainError naming the field. */

export function requiredText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field} must not be empty.`, field);
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, field);
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, field);
  return trimmed || null;
}

export function optionalPhone(value: string | null | undefined, field: string): string | null {
  const phone = optionalText(value, field, 30);
  if (phone && !/^\+?[0-9][0-9\- ]{4,28}$/.test(phone)) throw badInput(`${field} is not a phone number.`, field);
  return phone;
}

export function countyCode(value: string, field: string): string {
  if (!isCountyCode(value)) {
    throw new DomainError(ErrorCode.INVALID_REGION_CODE, `${field} must be a county-level GB/T 2260 code, such as 341322.`, { field });
  }
  return value;
}

export function regionPrefix(value: string, field: string): string {
  if (!isRegionPrefix(value)) {
    throw new DomainError(
      ErrorCode.INVALID_REGION_CODE,
      `${field} must be a GB/T 2260 prefix of 2, 4 or 6 digits, a township code (9) or a village code (12).`,
      { field },
    );
  }
  return value;
}

/** An optional township code (9 digits, in the dataset) that must lie in `county`. */
export function optionalTownshipCode(value: string | null | undefined, field: string, county: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isTownshipCode(value) || !value.startsWith(county)) {
    throw new DomainError(ErrorCode.INVALID_REGION_CODE, `${field} must be the 9-digit code of a township (乡镇) in ${county}.`, { field });
  }
  return value;
}

/** An optional village code (12 digits: a township's 9 and 3 more) that must lie in `township`. */
export function optionalVillageCode(value: string | null | undefined, field: string, township: string | null): string | null {
  if (value === null || value === undefined) return null;
  if (!isVillageCode(value) || !township || !value.startsWith(township)) {
    throw new DomainError(
      ErrorCode.INVALID_REGION_CODE,
      `${field} must be a 12-digit village code (统计用区划代码) within the township${township ? ` ${township}` : ', which must be given too'}.`,
      { field },
    );
  }
  return value;
}

const today = () => new Date().toISOString().slice(0, 10);

export function pastDate(value: string, field: string): string {
  if (value > today()) throw badInput(`${field} must not be in the future.`, field);
  return value;
}

export function uuid(value: string, field: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw badInput(`${field} is not a valid id.`, field);
  }
  return value.toLowerCase();
}
