import { DomainError, ErrorCode, badInput } from '../../../platform/errors';
import { today } from '../../shared/dates';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { pastDate, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { recordForPupil } from '../enrolment/enrolment.service';
import { checkedTerm } from '../term/term.service';
import { AidGrantRow } from './aid.entity';
import type { GrantAidInput } from './aid.inputs';
import { AidKind } from './aid.type';

const BOARDERS_ONLY = new Set<AidKind>([AidKind.BOARDING_LIVING_ALLOWANCE, AidKind.BOARDING_FEE_WAIVER]);
const MAX_AMOUNT = 99_999_999.99;

/** The aid rules: each kind at most once per pupil and term; boarders' aid for boarders only. */
export class AidService {
  async grant(ctx: EducationContext, input: GrantAidInput, idempotencyKey: string | null): Promise<AidGrantRow> {
    const childId = uuid(input.childId, 'childId');
    const term = checkedTerm(input.term);
    const amount = input.amount ?? null;
    if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT || Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6)) {
      throw badInput('amount must be yuan and fen (two decimals), 0 to 99,999,999.99.', 'amount');
    }
    const grantedOn = input.grantedOn ? pastDate(input.grantedOn, 'grantedOn') : today();
    try {
      return await recordForPupil(ctx, {
        childId,
        payload: input,
        operation: 'grantAid',
        idempotencyKey,
        entity: AidGrantRow,
        facts: (pupil) => {
          if (BOARDERS_ONLY.has(input.kind) && !pupil.boarding) throw badInput(`${input.kind} is for boarders, and the child does not board.`, 'kind');
          return { termYear: term.year, termSeason: term.season, kind: input.kind, amount, grantedOn };
        },
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.CONFLICT, `The child already has ${input.kind} for that term.`, { field: 'kind' });
      throw err;
    }
  }
}
