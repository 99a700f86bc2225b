import { randomUUID } from 'node:crypto';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { countyCode, optionalText, optionalTownshipCode, regionPrefix, requiredText } from '../../shared/validation';
import type { EducationContext } from '../context';
import { SchoolRow } from './school.entity';
import type { CreateSchoolInput } from './school.inputs';
import { listSchools, type NewSchool } from './school.repository';

/** The school rules: what a school must be, and its idempotent creation. */
export class SchoolService {
  /** One page of schools, optionally within a region; the request's later lookups by id reuse the rows. */
  async list(ctx: EducationContext, prefix: string | null, window: PageWindow): Promise<SchoolRow[]> {
    const rows = await listSchools(ctx.db, prefix ? regionPrefix(prefix, 'regionPrefix') : null, window);
    for (const row of rows) ctx.loaders.schoolById.prime(row.id, row);
    return rows;
  }

  /** Adds a school; a retry with the same idempotency key returns the first one. */
  async create(ctx: EducationContext, input: CreateSchoolInput, idempotencyKey: string | null): Promise<SchoolRow | null> {
    const regionCode = countyCode(input.regionCode, 'regionCode');
    const row: NewSchool = {
      id: randomUUID(),
      name: requiredText(input.name, 'name', 100),
      regionCode,
      townshipCode: optionalTownshipCode(input.townshipCode, 'townshipCode', regionCode),
      village: optionalText(input.village, 'village', 100),
      type: input.type,
      boarding: input.boarding,
      createdBy: ctx.principal.sub,
    };
    const { id } = await insertOnce(ctx.db, { principal: ctx.principal.sub, operation: 'createSchool', key: idempotencyKey, payload: input }, SchoolRow, row);
    return ctx.loaders.schoolById.load(id);
  }
}
