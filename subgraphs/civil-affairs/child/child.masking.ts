import { AgeBand } from './child.type';

/**
 * What a partner NGO may see of a child instead of the child's identity: a masked name and an
 * age band (DESIGN section 4, scope child:masked).
 */

/** 张小明 → 张*明, 张明 → 张*, 欧阳小明 → 欧**明: the family-name character and the last one stay. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return characters[0] + '*'.repeat(characters.length - 2) + characters[characters.length - 1];
}

/** Age in whole years on `today` (YYYY-MM-DD) for a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function ageBand(age: number): AgeBand {
  if (age < 6) return AgeBand.UNDER_6;
  if (age < 12) return AgeBand.AGE_6_TO_11;
  if (age < 15) return AgeBand.AGE_12_TO_14;
  if (age < 18) return AgeBand.AGE_15_TO_17;
  return AgeBand.ADULT;
}
