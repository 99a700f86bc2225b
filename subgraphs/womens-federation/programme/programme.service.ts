import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../platform/errors';
import { insertOnce } from '../../shared/idempotency';
import { countyCode, optionalText, optionalTownshipCode, requiredText, uuid } from '../../shared/validation';
import type { WomensFederationContext } from '../context';
import { ProgrammeRow } from './programme.entity';
import type { CreateProgrammeInput } from './programme.inputs';
import type { NewProgramme } from './programme.repository';

/** The programme rules: a programme belongs to an existing partner and does not end before it starts. */
export class ProgrammeService {
  /** Adds a programme to a partner; a retry with the same idempotency key returns the first one. */
  async create(ctx: WomensFederationContext, input: CreateProgrammeInput, idempotencyKey: string | null): Promise<ProgrammeRow | null> {
    const partnerId = uuid(input.partnerId, 'partnerId');
    if (input.endsOn && input.endsOn < input.startsOn) throw badInput('endsOn must not be before startsOn.', 'endsOn');
    if (!(await ctx.loaders.partnerById.load(partnerId))) throw notFound('PartnerOrganization', partnerId);
    const regionCode = countyCode(input.regionCode, 'regionCode');
    const row: NewProgramme = {
      id: randomUUID(),
      partnerId,
      name: requiredText(input.name, 'name', 100),
      kind: input.kind,
      regionCode,
      townshipCode: optionalTownshipCode(input.townshipCode, 'townshipCode', regionCode),
      village: optionalText(input.village, 'village', 100),
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(
      ctx.db,
      { principal: ctx.principal.sub, operation: 'createProgramme', key: idempotencyKey, payload: input },
      ProgrammeRow,
      row,
    );
    return ctx.loaders.programmeById.load(id);
  }
}
