import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';
import { assertNationalIdMatches, parseNationalId } from '../../../standards/national-id';
import type { AccessLogEntry } from '../../shared/audit/access-log.type';
import { isoDate } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { countyCode, optionalText, optionalTownshipCode, optionalVillageCode, pastDate, regionPrefix, requiredText } from '../../shared/validation';
import type { CivilAffairsContext } from '../context';
import { addDifficulty, toNewDifficulty } from '../difficulty/difficulty.service';
import type { NationalIdCipher } from '../national-id-cipher';
import { insertParent, replaceParent } from '../parent/parent.repository';
import { toParentRow } from '../parent/parent.service';
import type { ChildRow } from './child.entity';
import type { ChildFilter, RegisterChildInput, UpdateChildInput } from './child.inputs';
import {
  admitNationalIdLookup,
  childQualifies,
  findChildIdByNationalIdHash,
  insertChildOnce,
  listChildren,
  lockChild,
  updateChildIfVersion,
  type AreaArm,
  type AreaLevel,
  type ChildChanges,
} from './child.repository';
import { AgeBand } from './child.type';

const MAX_AGE_YEARS = 18;

function birthDateOfMinor(value: string, field: string): string {
  pastDate(value, field);
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() - MAX_AGE_YEARS);
  if (value < isoDate(limit)) throw badInput(`${field}: the registry holds minors only.`, field);
  return value;
}

/**
 * The registry's write rules: validation, national-ID protection and de-duplication, versioned
 * updates. Each write is one transaction (DESIGN 6.3). It holds the national-ID keys; the child
 * rules that need none are the functions below it.
 */
/** The write met an ID registered outside the caller's rows (thrown to roll the write back). */
const HELD_OUTSIDE_ROWS = Symbol('held outside the caller’s rows');

export class ChildService {
  constructor(
    private readonly cipher: NationalIdCipher,
    private readonly lookupsPerHour = 60,
  ) {}

  /**
   * Every answer that could tell a caller something of children outside its rows by national ID
   * goes through here first: a look-up (`childByNationalId`), a registration or change that meets
   * an ID registered outside the caller's rows. It is written to the probe log, and refused
   * (RATE_LIMITED) past the user's hourly limit, so nobody can test IDs against the registry in
   * bulk. Registering a new ID, or one already in the caller's own rows, tells nothing of anyone
   * else's and is not limited: a county files its children at whatever pace its work needs.
   */
  private async admitLookup(ctx: CivilAffairsContext, operation: string): Promise<void> {
    if (await admitNationalIdLookup(ctx.db, ctx.principal, operation, this.lookupsPerHour)) return;
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many look-ups by national ID in the last hour (at most ${this.lookupsPerHour}). Try again later.`, {
      retryAfterSeconds: 3600,
    });
  }

  /** The id of the child registered with this national ID, or null; throws INVALID_NATIONAL_ID on a bad one. */
  async findIdByNationalId(ctx: CivilAffairsContext, nationalId: string): Promise<string | null> {
    const value = parseNationalId(nationalId).value;
    await this.admitLookup(ctx, 'childByNationalId');
    // The keyed hash finds the child without decrypting any stored ID.
    return findChildIdByNationalIdHash(ctx.db, this.cipher.lookupHash(value));
  }

  reveal(encrypted: string): string {
    return this.cipher.decrypt(encrypted);
  }

  async register(
    ctx: CivilAffairsContext,
    input: RegisterChildInput,
    idempotencyKey: string | null | undefined,
  ): Promise<{ id: string; alreadyRegistered: boolean }> {
    const id = randomUUID();
    const birthDate = birthDateOfMinor(input.birthDate, 'birthDate');
    let nationalIdEncrypted: string | null = null;
    let nationalIdHash: string | null = null;
    if (input.nationalId) {
      const facts = parseNationalId(input.nationalId);
      assertNationalIdMatches(facts, birthDate, input.gender);
      nationalIdEncrypted = this.cipher.encrypt(facts.value);
      nationalIdHash = this.cipher.lookupHash(facts.value);
    }
    const householdRegionCode = countyCode(input.householdRegionCode, 'householdRegionCode');
    const residenceRegionCode = countyCode(input.residenceRegionCode, 'residenceRegionCode');
    const householdTownshipCode = optionalTownshipCode(input.householdTownshipCode, 'householdTownshipCode', householdRegionCode);
    const residenceTownshipCode = optionalTownshipCode(input.residenceTownshipCode, 'residenceTownshipCode', residenceRegionCode);
    const row = {
      id,
      name: requiredText(input.name, 'name', 50),
      gender: input.gender,
      birthDate,
      ethnicity: optionalText(input.ethnicity, 'ethnicity', 20),
      nationalIdEncrypted,
      nationalIdHash,
      householdRegionCode,
      householdVillage: optionalText(input.householdVillage, 'householdVillage', 100),
      householdTownshipCode,
      householdVillageCode: optionalVillageCode(input.householdVillageCode, 'householdVillageCode', householdTownshipCode),
      residenceRegionCode,
      residenceVillage: optionalText(input.residenceVillage, 'residenceVillage', 100),
      residenceTownshipCode,
      residenceVillageCode: optionalVillageCode(input.residenceVillageCode, 'residenceVillageCode', residenceTownshipCode),
      createdBy: ctx.principal.sub,
    };
    const parents = [input.father ? toParentRow(id, 'FATHER', input.father) : null, input.mother ? toParentRow(id, 'MOTHER', input.mother) : null];
    const categories = (input.difficultCircumstances ?? []).map((category, index) =>
      toNewDifficulty(id, category, ctx.principal.sub, `difficultCircumstances[${index}]`),
    );

    let inserted = false;
    const result = await ctx.db
      .transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'registerChild', key: idempotencyKey, payload: input }, async () => {
          const outcome = await insertChildOnce(em, row);
          if ('heldOutsideRows' in outcome) throw HELD_OUTSIDE_ROWS;
          inserted = outcome.inserted;
          if (inserted) {
            for (const parent of parents) if (parent) await insertParent(em, parent);
            for (const category of categories) await addDifficulty(em, category);
            // The registry holds children with a reason to be in it (seed 004 二): checked on the facts
            // as stored, by the same derivation the risk status uses, so the two cannot disagree.
            if (!(await childQualifies(em, id))) throw notEligible();
          }
          return outcome.id;
        }),
      )
      .catch(async (err: unknown) => {
        if (err !== HELD_OUTSIDE_ROWS) throw err;
        // Counted and logged outside the rolled-back write, in the request's own transaction. A second
        // file would split the child's record, so the registration is refused; the answer names no
        // child, county or registration, only that this caller cannot register this ID (it may be
        // another county's, or an archived file this caller cannot read).
        await this.admitLookup(ctx, 'registerChild');
        throw new DomainError(ErrorCode.CONFLICT, 'This national ID cannot be registered by you. Ask the civil-affairs registry office to check it.', {
          field: 'nationalId',
        });
      });
    return { id: result.id, alreadyRegistered: !inserted };
  }

  async update(ctx: CivilAffairsContext, id: string, expectedVersion: number, input: UpdateChildInput): Promise<void> {
    const changes = this.validateChanges(input);
    const parentChanges = (['father', 'mother'] as const).filter((key) => input[key] !== undefined);
    const placeGiven = PLACES.some((place) => input[place.township] !== undefined || input[place.village] !== undefined);
    if (Object.keys(changes).length === 0 && parentChanges.length === 0 && !placeGiven)
      throw badInput('Nothing to update: the input changes no field.', 'input');

    try {
      await ctx.db.transaction(async (em) => {
        const current = await lockChildAt(em, id, expectedVersion);
        refuseArchived(current);
        this.checkIdentityConsistency(current, changes);
        placeChanges(current, input, changes);
        if (!(await updateChildIfVersion(em, id, expectedVersion, changes))) throw versionConflict(null);
        for (const key of parentChanges) {
          const role = key === 'father' ? 'FATHER' : 'MOTHER';
          const parent = input[key];
          await replaceParent(em, parent ? toParentRow(id, role, parent) : null, id, role);
        }
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        // Another child holds the ID, perhaps outside the caller's rows: a probe, counted and limited.
        await this.admitLookup(ctx, 'updateChild');
        throw new DomainError(ErrorCode.CONFLICT, 'That national ID belongs to another registered child.', { field: 'nationalId' });
      }
      throw err;
    }
  }

  private validateChanges(input: UpdateChildInput): ChildChanges {
    const changes: ChildChanges = {};
    if (input.name != null) changes.name = requiredText(input.name, 'name', 50);
    if (input.gender != null) changes.gender = input.gender;
    if (input.birthDate != null) changes.birthDate = birthDateOfMinor(input.birthDate, 'birthDate');
    if (input.ethnicity !== undefined) changes.ethnicity = optionalText(input.ethnicity, 'ethnicity', 20);
    if (input.householdRegionCode != null) changes.householdRegionCode = countyCode(input.householdRegionCode, 'householdRegionCode');
    if (input.householdVillage !== undefined) changes.householdVillage = optionalText(input.householdVillage, 'householdVillage', 100);
    if (input.residenceRegionCode != null) changes.residenceRegionCode = countyCode(input.residenceRegionCode, 'residenceRegionCode');
    if (input.residenceVillage !== undefined) changes.residenceVillage = optionalText(input.residenceVillage, 'residenceVillage', 100);
    if (input.nationalId != null) {
      const facts = parseNationalId(input.nationalId);
      changes.nationalIdEncrypted = this.cipher.encrypt(facts.value);
      changes.nationalIdHash = this.cipher.lookupHash(facts.value);
    }
    return changes;
  }

  /** The national ID, birth date and gender must keep agreeing whichever of them changes. */
  private checkIdentityConsistency(current: ChildRow, changes: ChildChanges): void {
    const encrypted = changes.nationalIdEncrypted ?? current.nationalIdEncrypted;
    if (!encrypted) return;
    const facts = parseNationalId(this.cipher.decrypt(encrypted));
    assertNationalIdMatches(facts, changes.birthDate ?? current.birthDate, changes.gender ?? current.gender);
  }
}

/** The household and residence places below the county, with the county each must lie in. */
const PLACES = [
  { region: 'householdRegionCode', township: 'householdTownshipCode', village: 'householdVillageCode' },
  { region: 'residenceRegionCode', township: 'residenceTownshipCode', village: 'residenceVillageCode' },
] as const;

/**
 * Adds to `changes` the township and village codes the update leaves, checked against the county
 * and township they end up in: a new county without a township clears the finer places, and a new
 * township without a village clears the village.
 */
function placeChanges(current: ChildRow, input: UpdateChildInput, changes: ChildChanges): void {
  for (const place of PLACES) {
    const region = changes[place.region] ?? current[place.region];
    const regionMoved = region !== current[place.region];
    const township =
      input[place.township] !== undefined ? optionalTownshipCode(input[place.township], place.township, region) : regionMoved ? null : current[place.township];
    const village =
      input[place.village] !== undefined
        ? optionalVillageCode(input[place.village], place.village, township)
        : township !== current[place.township]
          ? null
          : current[place.village];
    if (township !== current[place.township]) changes[place.township] = township;
    if (village !== current[place.village]) changes[place.village] = village;
  }
}

export function versionConflict(currentVersion: number | null): DomainError {
  return new DomainError(
    ErrorCode.VERSION_CONFLICT,
    'The record was changed by someone else since you read it. Read it again and retry.',
    currentVersion === null ? {} : { currentVersion },
  );
}

export function notEligible(): DomainError {
  return new DomainError(
    ErrorCode.NOT_ELIGIBLE,
    'The child has no reason to be in the registry: not left-behind under the national definition (under 16; both parents working outside ' +
      'the county for 3 months or more, or one away and the other unable to guard) and in no difficult-circumstance category holding today. ' +
      'Give the parents’ facts or a category.',
  );
}

function childArchived(id: string): DomainError {
  return new DomainError(ErrorCode.CHILD_ARCHIVED, 'The child’s file is archived: reactivate it before recording anything new.', { id });
}

/** An archived file takes no new records until a supervisor reactivates it. */
export function refuseArchived(child: ChildRow): void {
  if (child.status === 'ARCHIVED') throw childArchived(child.id);
}

/** The child the caller reaches (NOT_FOUND otherwise, whether unknown or out of reach), whose file is active (CHILD_ARCHIVED otherwise). */
export async function requireActiveChild(ctx: CivilAffairsContext, childId: string): Promise<ChildRow> {
  const child = await ctx.loaders.childById.load(childId);
  if (!child) throw notFound('Child', childId);
  refuseArchived(child);
  return child;
}

/** In the caller's transaction: the child locked until it ends, if still at `expectedVersion` (NOT_FOUND, VERSION_CONFLICT otherwise). */
export async function lockChildAt(em: EntityManager, id: string, expectedVersion: number): Promise<ChildRow> {
  const current = await lockChild(em, id);
  if (!current) throw notFound('Child', id);
  if (current.version !== expectedVersion) throw versionConflict(current.version);
  return current;
}

/** One page of children matching the filter, in registry-id order. */
export function findChildren(ctx: CivilAffairsContext, filter: ChildFilter | null, window: PageWindow): Promise<ChildRow[]> {
  const checked: ChildFilter = { ...filter };
  if (checked.regionPrefix) regionPrefix(checked.regionPrefix, 'filter.regionPrefix');
  return listChildren(ctx.db, checked, window, areaArms(ctx.principal));
}

/**
 * The most areas a page is read area by area for. The statement has two arms per area, and planning
 * them costs about as much as reading the page: measured through the gateway on a small registry, a
 * page of 20 took 0.1 s with 32 counties, 0.3 s with 128 and 3 s with 800 (the one statement: 20–40
 * ms whatever the count). Beyond it the one statement serves.
 */
export const MAX_AREA_ARMS = 16;

/** The area levels stored beside each child (migrations 1764700200000, 1764700450000), by the length of their code. */
const LEVEL_OF_LENGTH: Readonly<Record<number, AreaLevel>> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

/**
 * The areas a page is read from, one arm each (listChildren), if the caller reaches children by area
 * (and in its charge) only: no school or partner claim, and a jurisdiction of province (2 digits),
 * city (4), county (6), township (9) or village (12) codes, at most MAX_AREA_ARMS areas once a code
 * inside another of the caller's is dropped (it adds no child). Otherwise null, and the page is one
 * statement the planner orders itself (a code of another length, too many areas).
 */
export function areaArms({ jurisdiction, schools, partner }: Pick<Principal, 'jurisdiction' | 'schools' | 'partner'>): AreaArm[] | null {
  if (partner !== null || schools.length > 0 || jurisdiction.length === 0) return null;
  if (!jurisdiction.every((code) => /^\d+$/.test(code) && LEVEL_OF_LENGTH[code.length])) return null;
  const codes = [...new Set(jurisdiction)];
  // Areas no one of which lies inside another, so the arms never read a child twice.
  const areas = codes.filter((code) => !codes.some((other) => other !== code && code.startsWith(other)));
  return areas.length <= MAX_AREA_ARMS ? areas.map((code) => ({ level: LEVEL_OF_LENGTH[code.length]!, code })) : null;
}

/** A child row as the gateway hands it over for `accessLog`: with the other agencies' entries it required. */
export type ChildWithAgencyLogs = ChildRow & { educationAccessLog?: AccessLogEntry[] | null; womensFederationAccessLog?: AccessLogEntry[] | null };

/** The newest `last` entries about the child from the three agencies' access logs, merged. */
export async function accessLogOf(ctx: CivilAffairsContext, child: ChildWithAgencyLogs, last: number): Promise<AccessLogEntry[]> {
  if (last < 1 || last > 200) throw badInput('last must be between 1 and 200.', 'last');
  const own = (await ctx.loaders.accessLog.load(child.id)).map((row) => row.entry);
  const merged = [...own, ...(child.educationAccessLog ?? []), ...(child.womensFederationAccessLog ?? [])].map((entry) => ({
    ...entry,
    at: new Date(entry.at),
  }));
  return merged.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, last);
}

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
