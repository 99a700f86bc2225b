import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { optionalPhone, optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { PairingRow } from './pairing.entity';
import type { EndPairingInput, PairChildInput } from './pairing.inputs';
import { endPairing, getPairing, lockPairing, type NewPairing } from './pairing.repository';

/** The pairing rules: a helper is paired in an existing programme, for a period that does not end before it starts. */
export class PairingService {
  /** Pairs a helper with a child; a retry with the same idempotency key pairs once. */
  async pair(ctx: WomensFederationContext, input: PairChildInput, idempotencyKey: string | null): Promise<PairingRow> {
    const programmeId = uuid(input.programmeId, 'programmeId');
    const since = input.since ?? today();
    if (input.until && input.until < since) throw badInput('until must not be before since.', 'until');
    if (!(await ctx.loaders.programmeById.load(programmeId))) throw notFound('Programme', programmeId);
    const row: NewPairing = {
      id: randomUUID(),
      childId: uuid(input.childId, 'childId'),
      programmeId,
      helperName: requiredText(input.helperName, 'helperName', 50),
      helperRole: input.helperRole,
      helperPhone: optionalPhone(input.helperPhone, 'helperPhone'),
      since,
      until: input.until ?? null,
      contactFrequency: input.contactFrequency,
      helperOccupation: optionalText(input.helperOccupation, 'helperOccupation', 50),
      endReason: null,
      version: 1,
      createdBy: ctx.principal.sub,
    };
    await requireRegisteredChild(ctx.db, row.childId, { archived: 'refused' });
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'pairChild', key: idempotencyKey, payload: input }, PairingRow, row);
    return getPairing(ctx.db, id);
  }

  /**
   * Ends a pairing with its reason if it is still at expectedVersion (a planned end date may be
   * brought forward); the partner's grant for the child ends with it.
   */
  async end(ctx: WomensFederationContext, input: EndPairingInput): Promise<PairingRow> {
    const id = uuid(input.pairingId, 'pairingId');
    const endedOn = input.endedOn ? pastDate(input.endedOn, 'endedOn') : today();
    const reason = requiredText(input.reason, 'reason', 200);
    await ctx.db.transaction(async (em) => {
      const current = await lockPairing(em, id);
      if (!current) throw notFound('Pairing', id);
      if (current.version !== input.expectedVersion) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The pairing was changed since you read it. Read it again and retry.', {
          currentVersion: current.version,
        });
      }
      if (current.until !== null && current.until <= endedOn) throw new DomainError(ErrorCode.CONFLICT, `The pairing already ends on ${current.until}.`);
      if (endedOn < current.since) throw badInput('endedOn must not be before the pairing began.', 'endedOn');
      await endPairing(em, current, { until: endedOn, endReason: reason });
    });
    return getPairing(ctx.db, id);
  }

  /** True while the pairing lasts: started, and not ended. */
  isActive(pairing: PairingRow): boolean {
    const now = today();
    return pairing.since <= now && (pairing.until === null || pairing.until >= now);
  }
}
