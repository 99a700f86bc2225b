import type { Principal } from '../platform/principal';
import { PURPOSES } from '../schema/purposes';
import { ROLES, type RoleName } from '../schema/roles';
import { DATA_CATEGORIES } from '../schema/scope-catalogue';
import { DEMO_COUNTY, demoCounties } from './counties';
import { DEMO_AREA_CHILDREN, demoArea } from './generate-at-risk';
import { demoPartnerId, generateDemoSchools, generateDemoWorld } from './generator';

export { DEMO_COUNTY } from './counties';

/**
 * Where the village child director and the township supervisor work: a village and township of the
 * demo county, from the start of the demo world (the same whatever its size: a child's place
 * depends only on the children generated before it).
 */
function demoVillageAndTownship(seed: number) {
  return demoArea(generateDemoWorld({ children: DEMO_AREA_CHILDREN, seed, referenceDate: '2026-01-01' }));
}

/** Roles whose rows are their schools' pupils, not a region. */
const SCHOOL_ROLES = new Set<RoleName>(['school-care-teacher', 'school-counsellor']);

/**
 * One demo user per role (schema/roles.ts), working in the demo county: school staff at its
 * first school, the NGO user for its partner organisation. The same seed as the demo data, so
 * the ids are those in the databases.
 */
export function demoPrincipals(seed: number): Record<RoleName, Principal> {
  const school = generateDemoSchools(seed).find((candidate) => candidate.regionCode === DEMO_COUNTY);
  if (!school) throw new Error(`the demo world has no school in ${DEMO_COUNTY}`);
  const county = demoCounties().find((candidate) => candidate.code === DEMO_COUNTY)!;
  const area = demoVillageAndTownship(seed);
  // The analyst's reports cover the province; school staff reach their school's pupils and no
  // region; the child director a village and the supervisor a township (the village's);
  // everyone else works in the county.
  const jurisdictionOf = (role: RoleName): string[] =>
    role === 'analyst'
      ? [DEMO_COUNTY.slice(0, 2)]
      : SCHOOL_ROLES.has(role)
        ? []
        : role === 'child-director'
          ? [area.villageCode]
          : role === 'township-child-supervisor'
            ? [area.townshipCode]
            : [DEMO_COUNTY];
  const principals = {} as Record<RoleName, Principal>;
  for (const [role, definition] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
    principals[role] = {
      sub: `demo:${role}`,
      org: `${role}:${county.code}`,
      scopes: [...definition.scopes],
      jurisdiction: jurisdictionOf(role),
      schools: SCHOOL_ROLES.has(role) ? [school.id] : [],
      partner: role === 'partner-ngo' ? demoPartnerId(seed, DEMO_COUNTY) : null,
      purposes: [...definition.purposes],
    };
  }
  return principals;
}

/**
 * Every scope over every demo province: for the test suite and the benchmark, which exercise
 * the registry's functions rather than a role's limits. No role has it and it is never printed.
 */
export function fullAccessPrincipal(): Principal {
  const scopes = Object.keys(DATA_CATEGORIES).filter((category) => category !== 'authenticated');
  const provinces = [...new Set(demoCounties().map((county) => county.code.slice(0, 2)))];
  return { sub: 'test:full-access', org: 'test', scopes, jurisdiction: provinces, schools: [], partner: null, purposes: Object.keys(PURPOSES) };
}
