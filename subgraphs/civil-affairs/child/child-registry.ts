import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';
import { createOnce } from '../../shared/idempotency';
import { countyCode, optionalText, pastDate, requiredText } from '../../shared/validation';
import { assertNationalIdMatches, parseNationalId } from '../../../standards/national-id';
import type { NationalIdCipher } from '../national-id-cipher';
import { insertParent, replaceParent } from '../parent/parent.repository';
import { toParentRow } from '../parent/parent.service';
import { ChildRow } from './child.entity';
import type { RegisterChildInput, UpdateChildInput } from './child.inputs';
import { insertChildOnce, updateChildIfVersion, type ChildChanges } from './child.repository';

const MAX_AGE_YEARS = 18;

function birthDateOfMinor(value: string, field: string): string {
  pastDate(value, field);
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() - MAX_AGE_YEARS);
  if (value < limit.toISOString().slice(0, 10)) throw badInput(`${field}: the registry holds minors only.`, field);
  return value;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/**
 * The registry's write rules: validation, national-ID protection and de-duplication, versioned
 * updates. Each write is one transaction (DESIGN 6.3).
 */
export class ChildRegistry {
  constructor(private readonly cipher: NationalIdCipher) {}

  /** The keyed hash used to find a child by national ID; throws INVALID_NATIONAL_ID on a bad one. */
  lookupHash(nationalId: string): string {
    return this.cipher.lookupHash(parseNationalId(nationalId).value);
  }

  reveal(encrypted: string): string {
    return this.cipher.decrypt(encrypted);
  }

  async register(
    db: EntityManager,
    principal: Principal,
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
    const row = {
      id,
      name: requiredText(input.name, 'name', 50),
      gender: input.gender,
      birthDate,
      ethnicity: optionalText(input.ethnicity, 'ethnicity', 20),
      nationalIdEncrypted,
      nationalIdHash,
      householdRegionCode: countyCode(input.householdRegionCode, 'householdRegionCode'),
      householdVillage: optionalText(input.householdVillage, 'householdVillage', 100),
      residenceRegionCode: countyCode(input.residenceRegionCode, 'residenceRegionCode'),
      residenceVillage: optionalText(input.residenceVillage, 'residenceVillage', 100),
      createdBy: principal.sub,
    };
    const parents = [
      input.father ? toParentRow(id, 'FATHER', input.father) : null,
      input.mother ? toParentRow(id, 'MOTHER', input.mother) : null,
    ];

    let inserted = false;
    const result = await db.transaction((em) =>
      createOnce(em, { principal: principal.sub, operation: 'registerChild', key: idempotencyKey }, async () => {
        const outcome = await insertChildOnce(em, row);
        inserted = outcome.inserted;
        if (inserted) for (const parent of parents) if (parent) await insertParent(em, parent);
        return outcome.id;
      }),
    );
    return { id: result.id, alreadyRegistered: !inserted };
  }

  async update(db: EntityManager, id: string, expectedVersion: number, input: UpdateChildInput): Promise<void> {
    const changes = this.validateChanges(input);
    const parentChanges = (['father', 'mother'] as const).filter((key) => input[key] !== undefined);
    if (Object.keys(changes).length === 0 && parentChanges.length === 0) throw badInput('Nothing to update.');

    try {
      await db.transaction(async (em) => {
        const current = await em.getRepository(ChildRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!current) throw notFound('Child', id);
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        this.checkIdentityConsistency(current, changes);
        if (!(await updateChildIfVersion(em, id, expectedVersion, changes))) throw versionConflict(null);
        for (const key of parentChanges) {
          const role = key === 'father' ? 'FATHER' : 'MOTHER';
          const parent = input[key];
          await replaceParent(em, parent ? toParentRow(id, role, parent) : null, id, role);
        }
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
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

function versionConflict(currentVersion: number | null): DomainError {
  return new DomainError(
    ErrorCode.VERSION_CONFLICT,
    'The record was changed by someone else since you read it. Read it again and retry.',
    currentVersion === null ? {} : { currentVersion },
  );
}

