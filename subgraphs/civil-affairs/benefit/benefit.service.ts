import { randomUUID } from 'node:crypto';
import { badInput, DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import { requireActiveChild, versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import type { BenefitRow } from './benefit.entity';
import type { RecordBenefitInput } from './benefit.inputs';
import { endBenefitIfVersion, getBenefit, insertBenefit, lockBenefit } from './benefit.repository';
import { BenefitKind } from './benefit.type';

const MAX_AMOUNT_FEN = 100_000_000;

/** The benefits' rules: a positive amount in fen, a period that starts by today, a granting body; ended, never deleted. */

/** True when the benefit's period includes `day`. */
export function benefitActiveOn(row: Pick<BenefitRow, 'startsOn' | 'endsOn'>, day: string = today()): boolean {
  return row.startsOn <= day && (row.endsOn === null || row.endsOn >= day);
}

/** Records a benefit of an active child; a retry with the same key returns the first record. */
export async function recordBenefit(ctx: CivilAffairsContext, input: RecordBenefitInput, key: string | null): Promise<BenefitRow> {
  const childId = uuid(input.childId, 'input.childId');
  if (!Number.isInteger(input.amountFen) || input.amountFen < 1 || input.amountFen > MAX_AMOUNT_FEN) {
    throw badInput(`input.amountFen must be between 1 and ${MAX_AMOUNT_FEN} fen.`, 'input.amountFen');
  }
  const startsOn = pastDate(input.startsOn, 'input.startsOn');
  const endsOn = input.endsOn ?? null;
  if (endsOn && endsOn < startsOn) throw badInput('input.endsOn must not be before startsOn.', 'input.endsOn');
  const description = optionalText(input.description, 'input.description', 200);
  if (input.kind === BenefitKind.OTHER && !description) throw badInput('input.description must say what an OTHER benefit is.', 'input.description');
  const row = {
    id: randomUUID(),
    childId,
    kind: input.kind,
    description,
    amountFen: input.amountFen,
    frequency: input.frequency,
    startsOn,
    endsOn,
    grantedBy: requiredText(input.grantedBy, 'input.grantedBy', 100),
    recordedBy: ctx.principal.sub,
  };
  const { id } = await ctx.db.transaction((em) =>
    createOnce(em, { principal: ctx.principal.sub, operation: 'recordBenefit', key, payload: input }, async () => {
      await requireActiveChild(ctx, childId);
      await insertBenefit(em, row);
      return row.id;
    }),
  );
  return getBenefit(ctx.db, id);
}

/** Ends a benefit on `endsOn` (its last day) if it is still at `expectedVersion`. */
export async function endBenefit(ctx: CivilAffairsContext, id: string, expectedVersion: number, endsOn: string): Promise<BenefitRow> {
  return ctx.db.transaction(async (em) => {
    const current = await lockBenefit(em, id);
    if (!current) throw notFound('Benefit', id);
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    await requireActiveChild(ctx, current.childId);
    if (current.endsOn !== null) throw new DomainError(ErrorCode.INVALID_STATE, 'The benefit already has an end date.', { id });
    if (endsOn < current.startsOn) throw badInput('endsOn must not be before the benefit’s startsOn.', 'endsOn');
    if (!(await endBenefitIfVersion(em, id, expectedVersion, endsOn))) throw versionConflict(null);
    return getBenefit(em, id);
  });
}
