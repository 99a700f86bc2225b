import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { assertNationalIdMatches, parseNationalId } from '../../../standards/national-id';
import { rowById } from '../../shared/child-records';
import { isoDate } from '../../shared/dates';
import { insertOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { countyCode, optionalPhone, optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import { ChildProposalRow, type ProposedGuardian, type ProposedParent } from './proposal.entity';
import type { ChildProposalFilter, ProposeChildInput, ProposedGuardianInput, ProposedParentInput } from './proposal.inputs';
import { findProposalPage } from './proposal.repository';

/** The registry holds minors only. */
const MAX_AGE_YEARS = 18;

function parent(input: ProposedParentInput | null | undefined, field: string): ProposedParent | null {
  if (!input) return null;
  return {
    name: optionalText(input.name, `${field}.name`, 50),
    phone: optionalPhone(input.phone, `${field}.phone`),
    workPlace: optionalText(input.workPlace, `${field}.workPlace`, 200),
    awaySince: input.awaySince ? pastDate(input.awaySince, `${field}.awaySince`) : null,
    unableToGuard: input.unableToGuard ?? false,
    unableReason: optionalText(input.unableReason, `${field}.unableReason`, 200),
  };
}

function guardian(input: ProposedGuardianInput): ProposedGuardian {
  return {
    form: input.form,
    name: optionalText(input.name, 'guardian.name', 50),
    relationship: optionalText(input.relationship, 'guardian.relationship', 30),
    phone: optionalPhone(input.phone, 'guardian.phone'),
    address: optionalText(input.address, 'guardian.address', 200),
  };
}

/**
 * Filing by schools (建档申报): a school proposes a child with the facts of the registration form;
 * civil affairs reviews it through the proposal set and its answer comes back through the review
 * set. Education never writes the registry, and one national ID has one pending proposal at most.
 */
export class ProposalService {
  async propose(ctx: EducationContext, input: ProposeChildInput, idempotencyKey: string | null): Promise<ChildProposalRow> {
    const schoolId = uuid(input.schoolId, 'schoolId');
    const birthDate = pastDate(input.birthDate, 'birthDate');
    const adult = new Date();
    adult.setUTCFullYear(adult.getUTCFullYear() - MAX_AGE_YEARS);
    if (birthDate <= isoDate(adult)) throw badInput('birthDate: the registry holds minors only.', 'birthDate');
    let nationalId: string | null = null;
    if (input.nationalId) {
      const facts = parseNationalId(input.nationalId);
      assertNationalIdMatches(facts, birthDate, input.gender);
      nationalId = facts.value;
    }
    const row: Omit<ChildProposalRow, 'createdAt'> = {
      id: randomUUID(),
      // The registry id the child gets if civil affairs files it anew; accesses to the proposal are logged under it.
      childId: randomUUID(),
      schoolId,
      status: 'PENDING',
      name: requiredText(input.name, 'name', 50),
      gender: input.gender,
      className: optionalText(input.className, 'className', 30),
      birthDate,
      ethnicity: optionalText(input.ethnicity, 'ethnicity', 20),
      nationalId,
      householdRegionCode: countyCode(input.householdRegionCode, 'householdRegionCode'),
      householdVillage: optionalText(input.householdVillage, 'householdVillage', 100),
      residenceRegionCode: countyCode(input.residenceRegionCode, 'residenceRegionCode'),
      residenceVillage: optionalText(input.residenceVillage, 'residenceVillage', 100),
      father: parent(input.father, 'father'),
      mother: parent(input.mother, 'mother'),
      guardian: guardian(input.guardian),
      concerns: optionalText(input.concerns, 'concerns', 1000),
      alreadyRegistered: null,
      decisionReason: null,
      decidedAt: null,
      createdBy: ctx.principal.sub,
    };
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    try {
      const { id } = await insertOnce(
        ctx.db,
        { principal: ctx.principal.sub, operation: 'proposeChild', key: idempotencyKey, payload: input },
        ChildProposalRow,
        row as ChildProposalRow,
      );
      return rowById(ctx.db, ChildProposalRow, id);
    } catch (err) {
      // Whichever school made the other one: the answer names none.
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.CONFLICT, 'A proposal for this national ID is already awaiting review.', { field: 'nationalId' });
      }
      throw err;
    }
  }

  list(ctx: EducationContext, filter: ChildProposalFilter | null, window: PageWindow) {
    return findProposalPage(ctx.db, { schoolId: filter?.schoolId ? uuid(filter.schoolId, 'filter.schoolId') : null, status: filter?.status ?? null }, window);
  }
}
