import { regionName, townshipsOf } from '../standards/regions';

/** The demo county every demo user works in: 萧县, Anhui. */
export const DEMO_COUNTY = '341322';

/**
 * Counties the source documents come from: Xiao County in Anhui (seed 004), two counties of
 * Ganzhou in Jiangxi (seed 000) and two of Liuzhou in Guangxi (seed 001). Names and townships
 * come from the division dataset.
 */
const DEMO_COUNTY_CODES = [
  { code: DEMO_COUNTY, minority: null },
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
  return DEMO_COUNTY_CODES.map(({ code, minority }) => ({
    code,
    name: regionName(code) ?? code,
    townships: townshipsOf(code).map((township) => township.name),
    minority,
  }));
}
