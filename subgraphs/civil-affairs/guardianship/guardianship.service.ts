import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalPhone, optionalText } from '../../shared/validation';
import type { CivilAffairsContext } from '../context';
import type { GuardianshipRow } from './guardianship.entity';
import type { GuardianshipInput } from './guardianship.inputs';
import { findGuardianship, insertGuardianship, lockGuardianship, updateGuardianship } from './guardianship.repository';
import type { Guardianship } from './guardianship.type';

/**
 * The guardianship's rules and writes: validation, the version check and the one transaction that
 * replaces the recorded guardianship.
 */

/** The guardianship as the API shows it: a child living alone (ALONE) is flagged as such. */
export function toGuardianship(row: GuardianshipRow): Guardianship {
  return {
    form: row.form as Guardianship['form'],
    guardianName: row.guardianName,
    guardianRelationship: row.guardianRelationship,
    guardianPhone: row.guardianPhone,
    guardianAddress: row.guardianAddress,
    guardianCapacity: row.guardianCapacity as Guardianship['guardianCapacity'],
    livingAlone: row.form === 'ALONE',
    recordedAt: row.recordedAt,
    version: row.version,
  };
}

/** Replaces the child's guardianship if it is still at `expectedVersion` (null: none is recorded yet). */
export async function recordGuardianship(
  ctx: CivilAffairsContext,
  childId: string,
  input: GuardianshipInput,
  expectedVersion: number | null,
): Promise<Guardianship> {
  const fields = {
    form: input.form,
    guardianName: optionalText(input.guardianName, 'guardianName', 50),
    guardianRelationship: optionalText(input.guardianRelationship, 'guardianRelationship', 30),
    guardianPhone: optionalPhone(input.guardianPhone, 'guardianPhone'),
    guardianAddress: optionalText(input.guardianAddress, 'guardianAddress', 200),
    guardianCapacity: input.guardianCapacity ?? null,
    recordedBy: ctx.principal.sub,
  };
  const conflict = (currentVersion: number | null, message: string) => new DomainError(ErrorCode.VERSION_CONFLICT, message, { currentVersion });
  const saved = await ctx.db
    .transaction(async (em) => {
      if (!(await ctx.loaders.childById.load(childId))) throw notFound('Child', childId);
      const current = await lockGuardianship(em, childId);
      if ((current?.version ?? null) !== (expectedVersion ?? null)) {
        throw conflict(
          current?.version ?? null,
          current
            ? 'The guardianship was changed since you read it (or you did not pass expectedVersion). Read it again and retry.'
            : 'No guardianship is recorded yet: omit expectedVersion.',
        );
      }
      if (current) {
        await updateGuardianship(em, childId, { ...fields, version: current.version + 1, recordedAt: new Date() });
      } else {
        await insertGuardianship(em, { childId, ...fields, version: 1, recordedAt: new Date() });
      }
      return findGuardianship(em, childId);
    })
    .catch((err: unknown) => {
      // Two first records racing: the primary key lets one through, the other must re-read.
      if (isUniqueViolation(err)) throw conflict(1, 'Someone else recorded a guardianship at the same moment. Read it and retry.');
      throw err;
    });
  return toGuardianship(saved);
}
