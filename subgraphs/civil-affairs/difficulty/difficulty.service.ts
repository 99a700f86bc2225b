import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import { requireActiveChild, versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import type { DifficultyRow } from './difficulty.entity';
import type { DifficultCircumstanceInput, RecordDifficultCircumstanceInput } from './difficulty.inputs';
import {
  endDifficultyIfVersion,
  getDifficulty,
  insertDifficulty,
  lockDifficulty,
  overlappingDifficultyExists,
  type NewDifficulty,
} from './difficulty.repository';

/**
 * The difficult-circumstance categories' rules: each has a basis, a source and a period that does
 * not start in the future; periods of one category never overlap; a category is ended, never
 * deleted. Whether a child is in difficulty today is derived from the periods (child_in_difficulty).
 */

/** Validates a category for a child (`field` prefixes the names in errors). */
export function toNewDifficulty(childId: string, input: DifficultCircumstanceInput, recordedBy: string, field: string): NewDifficulty {
  const startsOn = pastDate(input.startsOn, `${field}.startsOn`);
  const endsOn = input.endsOn ?? null;
  if (endsOn && endsOn < startsOn) throw badInput(`${field}.endsOn must not be before startsOn.`, `${field}.endsOn`);
  return {
    id: randomUUID(),
    childId,
    category: input.category,
    basis: requiredText(input.basis, `${field}.basis`, 500),
    source: input.source,
    startsOn,
    endsOn,
    recordedBy,
  };
}

/** Adds a category in the caller's transaction; CONFLICT when the child already has it for part of that period. */
export async function addDifficulty(em: EntityManager, row: NewDifficulty): Promise<void> {
  if (await overlappingDifficultyExists(em, row)) throw overlapping(row.category);
  try {
    await insertDifficulty(em, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw overlapping(row.category);
    throw err;
  }
}

function overlapping(category: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `The child already has ${category} recorded for part of that period: end that record first.`, {
    field: 'category',
  });
}

/** True when the category holds on `day`. */
export function holdsOn(row: Pick<DifficultyRow, 'startsOn' | 'endsOn'>, day: string = today()): boolean {
  return row.startsOn <= day && (row.endsOn === null || row.endsOn >= day);
}

/** Records a category of a registered, active child; a retry with the same key returns the first record. */
export async function recordDifficulty(ctx: CivilAffairsContext, input: RecordDifficultCircumstanceInput, key: string | null): Promise<DifficultyRow> {
  const childId = uuid(input.childId, 'input.childId');
  const row = toNewDifficulty(childId, input, ctx.principal.sub, 'input');
  const { id } = await ctx.db.transaction((em) =>
    createOnce(em, { principal: ctx.principal.sub, operation: 'recordDifficultCircumstance', key, payload: input }, async () => {
      await requireActiveChild(ctx, childId);
      await addDifficulty(em, row);
      return row.id;
    }),
  );
  return getDifficulty(ctx.db, id);
}

/** Ends a category on `endsOn` (its last day) if the record is still at `expectedVersion`. */
export async function endDifficulty(
  ctx: CivilAffairsContext,
  id: string,
  expectedVersion: number,
  endsOn: string,
  reason: string | null | undefined,
): Promise<DifficultyRow> {
  const endReason = optionalText(reason, 'reason', 500);
  return ctx.db.transaction(async (em) => {
    const current = await lockDifficulty(em, id);
    if (!current) throw notFound('DifficultCircumstance', id);
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    await requireActiveChild(ctx, current.childId);
    if (current.endsOn !== null) throw new DomainError(ErrorCode.INVALID_STATE, 'The category already has an end date.', { id });
    if (endsOn < current.startsOn) throw badInput('endsOn must not be before the category’s startsOn.', 'endsOn');
    if (!(await endDifficultyIfVersion(em, id, expectedVersion, endsOn, endReason))) throw versionConflict(null);
    return getDifficulty(em, id);
  });
}
