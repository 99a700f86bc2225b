import { randomUUID } from 'node:crypto';
import { badInput, DomainError, ErrorCode } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import { requireActiveChild, versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import { findCurrentGuardianship } from '../guardianship/guardianship.repository';
import { applyNoticeRule, saveNextGuardianship } from '../guardianship/guardianship.service';
import { ReentrustmentCause } from '../guardianship/guardianship.type';
import type { VerificationRow } from './verification.entity';
import type { RecordGuardianshipVerificationInput } from './verification.inputs';
import { getVerification, insertVerification } from './verification.repository';

/**
 * Verification visits (seed 004 三(三)): the township or village checks the entrusted care of the
 * current guardianship. What it finds is the guardian's capacity from then on: a different finding
 * becomes a new guardianship version, and an unable guardian opens a re-entrustment notice to the
 * parents (a capable one closes it), in the same transaction as the visit.
 */
export async function recordVerification(ctx: CivilAffairsContext, input: RecordGuardianshipVerificationInput, key: string | null): Promise<VerificationRow> {
  const childId = uuid(input.childId, 'input.childId');
  const row = {
    id: randomUUID(),
    childId,
    guardianshipVersion: input.guardianshipVersion,
    visitedOn: pastDate(input.visitedOn, 'input.visitedOn'),
    visitorName: requiredText(input.visitorName, 'input.visitorName', 50),
    visitorLevel: input.visitorLevel,
    method: input.method,
    outcome: input.outcome,
    notes: optionalText(input.notes, 'input.notes', 1000),
    recordedBy: ctx.principal.sub,
  };
  const { id } = await ctx.db.transaction((em) =>
    createOnce(em, { principal: ctx.principal.sub, operation: 'recordGuardianshipVerification', key, payload: input }, async () => {
      await requireActiveChild(ctx, childId);
      const current = await findCurrentGuardianship(em, childId);
      if (!current)
        throw new DomainError(ErrorCode.INVALID_STATE, 'No guardianship is recorded for the child: record it before verifying it.', { id: childId });
      if (current.version !== row.guardianshipVersion) throw versionConflict(current.version);
      if (row.visitedOn < current.since) throw badInput('input.visitedOn must not be before the guardianship’s since.', 'input.visitedOn');
      await insertVerification(em, row);
      const finding = { cause: ReentrustmentCause.VERIFICATION_FOUND_UNABLE, verificationId: row.id };
      if (row.outcome !== current.guardianCapacity) {
        const { childId: _child, version: _version, recordedAt: _at, recordedBy: _by, ...facts } = current;
        await saveNextGuardianship(em, childId, current, { ...facts, guardianCapacity: row.outcome }, ctx.principal.sub, finding);
      } else {
        await applyNoticeRule(em, current, ctx.principal.sub, finding);
      }
      return row.id;
    }),
  );
  return getVerification(ctx.db, id);
}
