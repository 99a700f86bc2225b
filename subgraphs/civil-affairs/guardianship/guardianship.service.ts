import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalPhone, optionalText, pastDate } from '../../shared/validation';
import { requireActiveChild, versionConflict } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import type { GuardianshipRow, ReentrustmentNoticeRow } from './guardianship.entity';
import type { GuardianshipInput } from './guardianship.inputs';
import {
  closeNotice,
  findCurrentGuardianship,
  getNotice,
  insertGuardianship,
  insertNotice,
  lockNotice,
  lockOpenNotice,
  recordParentsNotifiedIfVersion,
} from './guardianship.repository';
import { GuardianCapacity, GuardianshipForm, ReentrustmentCause, type Guardianship, type ReentrustmentNotice } from './guardianship.type';

/**
 * The guardianship's rules: every change of form, guardian or capacity is a new dated version (the
 * current guardianship is the latest, the earlier ones are its history), guarded by the version
 * the caller read; a guardian found unable opens a re-entrustment notice to the parents (seed
 * 004), which stays open until a capable guardian is recorded.
 */

/** The guardianship as the API shows it: a child living alone (ALONE) is flagged as such. */
export function toGuardianship(row: GuardianshipRow): Guardianship {
  return {
    childId: row.childId,
    form: row.form as Guardianship['form'],
    guardianName: row.guardianName,
    guardianRelationship: row.guardianRelationship,
    guardianPhone: row.guardianPhone,
    guardianAddress: row.guardianAddress,
    guardianCapacity: row.guardianCapacity as Guardianship['guardianCapacity'],
    livingAlone: row.form === GuardianshipForm.ALONE,
    since: row.since,
    reportedToVillageOn: row.reportedToVillageOn,
    reportedToSchoolOn: row.reportedToSchoolOn,
    recordedAt: row.recordedAt,
    version: row.version,
  };
}

export function toNotice(row: ReentrustmentNoticeRow): ReentrustmentNotice & { childId: string } {
  return { ...row, cause: row.cause as ReentrustmentCause, open: row.closedAt === null };
}

/** The facts of a guardianship, checked. */
export type GuardianshipFacts = Omit<GuardianshipRow, 'childId' | 'version' | 'recordedAt' | 'recordedBy'>;

function toFacts(input: GuardianshipInput): GuardianshipFacts {
  const since = input.since ? pastDate(input.since, 'input.since') : today();
  const reported = (value: string | null | undefined, field: string) => {
    if (!value) return null;
    pastDate(value, field);
    if (value < since) throw badInput(`${field} must not be before since.`, field);
    return value;
  };
  return {
    form: input.form,
    guardianName: optionalText(input.guardianName, 'guardianName', 50),
    guardianRelationship: optionalText(input.guardianRelationship, 'guardianRelationship', 30),
    guardianPhone: optionalPhone(input.guardianPhone, 'guardianPhone'),
    guardianAddress: optionalText(input.guardianAddress, 'guardianAddress', 200),
    guardianCapacity: input.guardianCapacity ?? null,
    since,
    reportedToVillageOn: reported(input.reportedToVillageOn, 'input.reportedToVillageOn'),
    reportedToSchoolOn: reported(input.reportedToSchoolOn, 'input.reportedToSchoolOn'),
  };
}

/**
 * In the caller's transaction: records the next version of the child's guardianship after
 * `current` and applies the notice rule. Two writers racing for one version: the primary key lets
 * one through, the other gets VERSION_CONFLICT.
 */
export async function saveNextGuardianship(
  em: EntityManager,
  childId: string,
  current: GuardianshipRow | null,
  facts: GuardianshipFacts,
  by: string,
  finding: { cause: ReentrustmentCause; verificationId: string | null },
): Promise<GuardianshipRow> {
  let saved: GuardianshipRow;
  try {
    saved = await insertGuardianship(em, { childId, version: (current?.version ?? 0) + 1, ...facts, recordedBy: by });
  } catch (err) {
    if (isUniqueViolation(err)) throw versionConflict((current?.version ?? 0) + 1);
    throw err;
  }
  await applyNoticeRule(em, saved, by, finding);
  return saved;
}

/**
 * A guardian unable to look after the child opens a re-entrustment notice (one at a time); a
 * capable guardian, with the child not living alone, closes the open one.
 */
export async function applyNoticeRule(
  em: EntityManager,
  guardianship: GuardianshipRow,
  by: string,
  finding: { cause: ReentrustmentCause; verificationId: string | null },
): Promise<void> {
  const open = await lockOpenNotice(em, guardianship.childId);
  if (guardianship.guardianCapacity === GuardianCapacity.UNABLE && !open) {
    await insertNotice(em, {
      id: randomUUID(),
      childId: guardianship.childId,
      cause: finding.cause,
      guardianshipVersion: guardianship.version,
      verificationId: finding.verificationId,
      openedBy: by,
    });
  } else if (guardianship.guardianCapacity === GuardianCapacity.CAPABLE && guardianship.form !== GuardianshipForm.ALONE && open) {
    await closeNotice(em, open.id, by, guardianship.version);
  }
}

/** Records the child's guardianship as its next version if the current one is still `expectedVersion` (null: none is recorded yet). */
export async function recordGuardianship(
  ctx: CivilAffairsContext,
  childId: string,
  input: GuardianshipInput,
  expectedVersion: number | null,
): Promise<Guardianship> {
  const facts = toFacts(input);
  const saved = await ctx.db.transaction(async (em) => {
    await requireActiveChild(ctx, childId);
    const current = await findCurrentGuardianship(em, childId);
    if ((current?.version ?? null) !== (expectedVersion ?? null)) {
      throw new DomainError(
        ErrorCode.VERSION_CONFLICT,
        current
          ? 'The guardianship was changed since you read it (or you did not pass expectedVersion). Read it again and retry.'
          : 'No guardianship is recorded yet: omit expectedVersion.',
        { currentVersion: current?.version ?? null },
      );
    }
    return saveNextGuardianship(em, childId, current, facts, ctx.principal.sub, { cause: ReentrustmentCause.GUARDIAN_RECORDED_UNABLE, verificationId: null });
  });
  return toGuardianship(saved);
}

/** Records that the parents were told to re-entrust the child, if the notice is still at `expectedVersion`. */
export async function recordParentsNotified(
  ctx: CivilAffairsContext,
  id: string,
  expectedVersion: number,
  notifiedOn: string,
): Promise<ReentrustmentNoticeRow> {
  pastDate(notifiedOn, 'notifiedOn');
  return ctx.db.transaction(async (em) => {
    const notice = await lockNotice(em, id);
    if (!notice) throw notFound('ReentrustmentNotice', id);
    if (notice.version !== expectedVersion) throw versionConflict(notice.version);
    await requireActiveChild(ctx, notice.childId);
    if (notifiedOn < notice.openedAt.toISOString().slice(0, 10)) throw badInput('notifiedOn must not be before the notice opened.', 'notifiedOn');
    if (!(await recordParentsNotifiedIfVersion(em, id, expectedVersion, notifiedOn, ctx.principal.sub))) throw versionConflict(null);
    return getNotice(em, id);
  });
}
