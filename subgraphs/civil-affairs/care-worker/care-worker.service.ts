import { randomUUID } from 'node:crypto';
import { badInput, DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalPhone, optionalText, optionalTownshipCode, optionalVillageCode, regionPrefix, requiredText, uuid } from '../../shared/validation';
import { lockChildAt, refuseArchived, versionConflict } from '../child/child.service';
import { updateChildIfVersion } from '../child/child.repository';
import type { CivilAffairsContext } from '../context';
import { CareWorkerRow } from './care-worker.entity';
import type { RegisterCareWorkerInput } from './care-worker.inputs';
import { listCareWorkers, type NewCareWorker } from './care-worker.repository';
import { CareWorkerRole } from './care-worker.type';

/**
 * Child directors and supervisors: a director serves one village, a supervisor one township. A
 * child is put in the charge of one of each; a worker whose identity-provider account is linked
 * (`subject`) then reaches that child, as its row rules say, and may record its facts.
 */

/** Adds a director or supervisor in the caller's area; a retry with the same key returns the first one. */
export async function registerCareWorker(ctx: CivilAffairsContext, input: RegisterCareWorkerInput, key: string | null): Promise<CareWorkerRow> {
  const townshipCode = optionalTownshipCode(input.townshipCode, 'townshipCode', input.townshipCode.slice(0, 6))!;
  const villageCode = optionalVillageCode(input.villageCode, 'villageCode', townshipCode);
  if (input.role === CareWorkerRole.CHILD_DIRECTOR && !villageCode) throw badInput('A child director serves a village: give villageCode.', 'villageCode');
  if (input.role === CareWorkerRole.CHILD_SUPERVISOR && villageCode)
    throw badInput('A child supervisor serves a whole township: omit villageCode.', 'villageCode');
  const row: NewCareWorker = {
    id: randomUUID(),
    role: input.role,
    name: requiredText(input.name, 'name', 50),
    phone: optionalPhone(input.phone, 'phone'),
    townshipCode,
    villageCode,
    villageName: villageCode ? optionalText(input.villageName, 'villageName', 100) : null,
    subject: optionalText(input.subject, 'subject', 200),
    createdBy: ctx.principal.sub,
  };
  try {
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'registerCareWorker', key, payload: input }, CareWorkerRow, row);
    return (await ctx.loaders.careWorkerById.load(id))!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError(ErrorCode.CONFLICT, 'That account is already linked to another care worker.', { field: 'subject' });
    throw err;
  }
}

/** One page of care workers, optionally of a role and within an area. */
export async function findCareWorkers(
  ctx: CivilAffairsContext,
  prefix: string | null,
  role: CareWorkerRole | null,
  window: PageWindow,
): Promise<CareWorkerRow[]> {
  const rows = await listCareWorkers(ctx.db, { prefix: prefix ? regionPrefix(prefix, 'regionPrefix') : null, role }, window);
  for (const row of rows) ctx.loaders.careWorkerById.prime(row.id, row);
  return rows;
}

/** A worker of the given role, by id (NOT_FOUND when there is none; BAD_USER_INPUT when it holds the other post). */
async function workerOfRole(ctx: CivilAffairsContext, id: string | null | undefined, role: CareWorkerRole, field: string): Promise<string | null | undefined> {
  if (id === undefined || id === null) return id;
  const worker = await ctx.loaders.careWorkerById.load(uuid(id, field));
  if (!worker) throw notFound('CareWorker', id);
  if (worker.role !== role) throw badInput(`${field} must name a ${role === CareWorkerRole.CHILD_DIRECTOR ? 'child director' : 'child supervisor'}.`, field);
  return worker.id;
}

/**
 * Puts the child in the charge of a director and a supervisor (undefined: unchanged; null: none),
 * if the child's record is still at `expectedVersion`.
 */
export async function assignCareWorkers(
  ctx: CivilAffairsContext,
  childId: string,
  expectedVersion: number,
  directorId: string | null | undefined,
  supervisorId: string | null | undefined,
): Promise<void> {
  const childDirectorId = await workerOfRole(ctx, directorId, CareWorkerRole.CHILD_DIRECTOR, 'childDirectorId');
  const childSupervisorId = await workerOfRole(ctx, supervisorId, CareWorkerRole.CHILD_SUPERVISOR, 'childSupervisorId');
  if (childDirectorId === undefined && childSupervisorId === undefined)
    throw badInput('Nothing to assign: name a child director or a supervisor.', 'childDirectorId');
  await ctx.db.transaction(async (em) => {
    refuseArchived(await lockChildAt(em, childId, expectedVersion));
    const changes = {
      ...(childDirectorId !== undefined ? { childDirectorId } : {}),
      ...(childSupervisorId !== undefined ? { childSupervisorId } : {}),
    };
    if (!(await updateChildIfVersion(em, childId, expectedVersion, changes))) throw versionConflict(null);
  });
}
