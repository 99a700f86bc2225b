import { DomainError, ErrorCode } from '../../../platform/errors';
import { today } from '../../shared/dates';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { optionalText, pastDate, regionPrefix, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { recordForPupil } from '../enrolment/enrolment.service';
import type { TermInput } from '../term/term.inputs';
import { checkedTerm, sweepWindowEnd, termOf } from '../term/term.service';
import { FileCheckRow } from './sweep.entity';
import type { RecordFileCheckInput } from './sweep.inputs';
import { countSweepSchools, findSchoolSweeps } from './sweep.repository';

/** The term sweep's rules: each pupil's file is checked once a term, the sweep's week counted apart. */
export class SweepService {
  async recordCheck(ctx: EducationContext, input: RecordFileCheckInput, idempotencyKey: string | null): Promise<FileCheckRow> {
    const childId = uuid(input.childId, 'childId');
    const checkedOn = input.checkedOn ? pastDate(input.checkedOn, 'checkedOn') : today();
    const term = termOf(checkedOn);
    const fields = {
      termYear: term.year,
      termSeason: term.season,
      checkedOn,
      checkedBy: requiredText(input.checkedBy, 'checkedBy', 50),
      findings: optionalText(input.findings, 'findings', 2000),
    };
    try {
      return await recordForPupil(ctx, { childId, payload: input, operation: 'recordFileCheck', idempotencyKey, entity: FileCheckRow, facts: fields });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.CONFLICT, `The child’s file was already checked in the ${term.season} ${term.year} term.`);
      throw err;
    }
  }

  /** The sweep progress of the schools the caller reaches, a page at a time, with the number of schools. */
  async progress(ctx: EducationContext, termInput: TermInput, prefix: string | null, window: PageWindow) {
    const term = checkedTerm(termInput);
    const checkedPrefix = prefix ? regionPrefix(prefix, 'regionPrefix') : null;
    const [rows, totalCount] = await Promise.all([
      findSchoolSweeps(ctx.db, checkedPrefix, term, sweepWindowEnd(term), window),
      countSweepSchools(ctx.db, checkedPrefix),
    ]);
    return { rows, totalCount };
  }
}
