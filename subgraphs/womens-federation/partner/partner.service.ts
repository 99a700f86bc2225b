import { randomUUID } from 'node:crypto';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { countyCode, optionalPhone, requiredText } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { PartnerRow } from './partner.entity';
import type { CreatePartnerInput } from './partner.inputs';
import { listPartners, type NewPartner } from './partner.repository';

/** The partner rules: what a partner organisation must be, and its idempotent creation. */
export class PartnerService {
  /** One page of partners; the request's later lookups by id reuse the rows. */
  async list(ctx: WomensFederationContext, window: PageWindow): Promise<PartnerRow[]> {
    const rows = await listPartners(ctx.db, window);
    for (const row of rows) ctx.loaders.partnerById.prime(row.id, row);
    return rows;
  }

  /** Adds a partner organisation; a retry with the same idempotency key returns the first one. */
  async create(ctx: WomensFederationContext, input: CreatePartnerInput, idempotencyKey: string | null): Promise<PartnerRow | null> {
    const row: NewPartner = {
      id: randomUUID(),
      name: requiredText(input.name, 'name', 100),
      type: input.type,
      regionCode: countyCode(input.regionCode, 'regionCode'),
      contactPhone: optionalPhone(input.contactPhone, 'contactPhone'),
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'createPartner', key: idempotencyKey, payload: input }, PartnerRow, row);
    return ctx.loaders.partnerById.load(id);
  }
}
