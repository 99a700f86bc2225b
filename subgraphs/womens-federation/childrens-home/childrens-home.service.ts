import { randomUUID } from 'node:crypto';
import { rowById } from '../../shared/child-records';
import { today } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { countyCode, optionalPhone, optionalText, pastDate, regionPrefix, requiredText } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { ChildrensHomeRow } from './childrens-home.entity';
import type { CreateChildrensHomeInput } from './childrens-home.inputs';
import { listChildrensHomes } from './childrens-home.repository';

/** The children's-home rules: a public directory, each home added by the federation of its county. */
export class ChildrensHomeService {
  async create(ctx: WomensFederationContext, input: CreateChildrensHomeInput, idempotencyKey: string | null): Promise<ChildrensHomeRow> {
    const row: Omit<ChildrensHomeRow, 'createdAt'> = {
      id: randomUUID(),
      name: requiredText(input.name, 'name', 100),
      regionCode: countyCode(input.regionCode, 'regionCode'),
      village: optionalText(input.village, 'village', 100),
      managerName: requiredText(input.managerName, 'managerName', 50),
      managerPhone: optionalPhone(input.managerPhone, 'managerPhone'),
      openedOn: input.openedOn ? pastDate(input.openedOn, 'openedOn') : today(),
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(
      ctx.db,
      { principal: ctx.principal.sub, operation: 'createChildrensHome', key: idempotencyKey, payload: input },
      ChildrensHomeRow,
      row,
    );
    return rowById(ctx.db, ChildrensHomeRow, id);
  }

  async list(ctx: WomensFederationContext, prefix: string | null, window: PageWindow): Promise<ChildrensHomeRow[]> {
    const rows = await listChildrensHomes(ctx.db, prefix ? regionPrefix(prefix, 'regionPrefix') : null, window);
    for (const row of rows) ctx.loaders.childrensHomeById.prime(row.id, row);
    return rows;
  }
}
