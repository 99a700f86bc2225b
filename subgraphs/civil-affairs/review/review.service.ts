import { randomUUID } from 'node:crypto';
import { badInput, DomainError, ErrorCode } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { optionalText, pastDate } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { updateChildIfVersion } from '../child/child.repository';
import { lockChildAt, refuseArchived, versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import { insertReview } from './review.repository';
import type { ArchiveReason } from './review.type';

/**
 * File reviews and archiving (seeds 002 and 004): a review records its day and reviewer, and a file
 * not reviewed for three months is overdue (the risk status derives it). Archiving is itself a
 * review: it records why, never deletes, takes the child off every working list and leaves the file
 * readable to holders of the archive right only; reactivating undoes it. Each bumps the child's version.
 */

async function reviewChild(
  ctx: CivilAffairsContext,
  childId: string,
  expectedVersion: number,
  kind: 'REVIEW' | 'ARCHIVE' | 'REACTIVATE',
  check: (current: ChildRow) => void,
  review: { reviewedOn: string; notes: string | null; archiveReason: ArchiveReason | null },
): Promise<void> {
  await ctx.db.transaction(async (em) => {
    const current = await lockChildAt(em, childId, expectedVersion);
    check(current);
    if (review.reviewedOn < current.birthDate) throw badInput('reviewedOn must not be before the child’s birth.', 'reviewedOn');
    await insertReview(em, { id: randomUUID(), childId, kind, reviewer: ctx.principal.sub, ...review });
    const status =
      kind === 'ARCHIVE'
        ? { status: 'ARCHIVED' as const, archiveReason: review.archiveReason, statusReason: review.notes }
        : kind === 'REACTIVATE'
          ? { status: 'ACTIVE' as const, archiveReason: null, statusReason: review.notes }
          : {};
    const changes = {
      ...status,
      // A review entered late never moves the last review back.
      lastReviewedOn: current.lastReviewedOn && current.lastReviewedOn > review.reviewedOn ? current.lastReviewedOn : review.reviewedOn,
      lastReviewedBy: ctx.principal.sub,
      lastReviewedAt: new Date(),
    };
    if (!(await updateChildIfVersion(em, childId, expectedVersion, changes))) throw versionConflict(null);
  });
}

/** Records a review (复核) of an active file on `reviewedOn` (today when omitted; may be entered late, never in the future). */
export function recordReview(
  ctx: CivilAffairsContext,
  childId: string,
  expectedVersion: number,
  reviewedOn: string | null | undefined,
  notes: string | null | undefined,
): Promise<void> {
  const day = reviewedOn ? pastDate(reviewedOn, 'reviewedOn') : today();
  return reviewChild(ctx, childId, expectedVersion, 'REVIEW', refuseArchived, {
    reviewedOn: day,
    notes: optionalText(notes, 'notes', 1000),
    archiveReason: null,
  });
}

/** Archives an active file with its reason (存档备查). */
export function archiveChild(ctx: CivilAffairsContext, childId: string, expectedVersion: number, reason: ArchiveReason, note: string | null | undefined) {
  const notes = optionalText(note, 'note', 1000);
  return reviewChild(
    ctx,
    childId,
    expectedVersion,
    'ARCHIVE',
    (current) => {
      if (current.status === 'ARCHIVED') throw new DomainError(ErrorCode.INVALID_STATE, 'The file is already archived.', { id: childId });
    },
    { reviewedOn: today(), notes, archiveReason: reason },
  );
}

/** Makes an archived file active again (the child qualifies again). */
export function reactivateChild(ctx: CivilAffairsContext, childId: string, expectedVersion: number, note: string | null | undefined) {
  const notes = optionalText(note, 'note', 1000);
  return reviewChild(
    ctx,
    childId,
    expectedVersion,
    'REACTIVATE',
    (current) => {
      if (current.status === 'ACTIVE') throw new DomainError(ErrorCode.INVALID_STATE, 'The file is active.', { id: childId });
    },
    { reviewedOn: today(), notes, archiveReason: null },
  );
}
