import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import { requireRegisteredChild } from '../../shared/feeds/registered-child';
import { optionalPhone, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { PairingRow } from './pairing.entity';
import type { PairChildInput } from './pairing.inputs';
import { getPairing, type NewPairing } from './pairing.repository';

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
      createdBy: ctx.principal.sub,
    };
    await requireRegisteredChild(ctx.db, row.childId, { archived: 'refused' });
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'pairChild', key: idempotencyKey, payload: input }, PairingRow, row);
    return getPairing(ctx.db, id);
  }

  /** True while the pairing lasts: started, and not ended. */
  isActive(pairing: PairingRow): boolean {
    const now = today();
    return pairing.since <= now && (pairing.until === null || pairing.until >= now);
  }
}
