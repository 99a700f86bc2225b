import { DomainError, ErrorCode, badInput, notFound } from '../../../platform/errors';
import { assertNationalIdMatches, parseNationalId } from '../../../standards/national-id';
import { isoDate, today } from '../../shared/dates';
import { createOnce } from '../../shared/idempotency';
import type { PageWindow } from '../../shared/pagination';
import { isUniqueViolation } from '../../shared/postgres-errors';
import { countyCode, optionalPhone, optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import { childQualifies, insertChildOnce, type NewChild } from '../child/child.repository';
import { notEligible } from '../child/child.service';
import type { CivilAffairsContext } from '../context';
import { insertGuardianship } from '../guardianship/guardianship.repository';
import type { NationalIdCipher } from '../national-id-cipher';
import { insertParent } from '../parent/parent.repository';
import { toParentRow } from '../parent/parent.service';
import type { ProposalCopyRow, ProposalReviewRow } from './proposal.entity';
import type { ReviewChildProposalInput } from './proposal.inputs';
import { findPendingProposalPage, findProposal, findReview, insertReview } from './proposal.repository';
import { ProposalDecision } from './proposal.type';

const MAX_AGE_YEARS = 18;

const alreadyReviewed = () => new DomainError(ErrorCode.CONFLICT, 'The proposal was already reviewed.', { field: 'proposalId' });

/**
 * The review of schools' proposals (审核, 审批): a reviewer of the child's county accepts a
 * proposal, which files the child through the registry's national-ID de-duplication (a child
 * already filed is linked, never filed twice; one without a national ID can be linked by the
 * reviewer), or rejects it with a reason. A proposal is reviewed once; the decision goes back to
 * education through the review set.
 */
export class ProposalService {
  constructor(private readonly cipher: NationalIdCipher) {}

  pending(ctx: CivilAffairsContext, window: PageWindow) {
    return findPendingProposalPage(ctx.db, window);
  }

  /** The registry child holding the proposal's national ID, if any the caller reaches. */
  async registeredChildId(ctx: CivilAffairsContext, proposal: ProposalCopyRow): Promise<string | null> {
    if (!proposal.nationalId) return null;
    return ctx.loaders.childIdByNationalIdHash.load(this.cipher.lookupHash(proposal.nationalId));
  }

  async review(ctx: CivilAffairsContext, input: ReviewChildProposalInput, idempotencyKey: string | null): Promise<ProposalReviewRow> {
    const proposalId = uuid(input.proposalId, 'proposalId');
    const reason = optionalText(input.reason, 'reason', 500);
    const accepted = input.decision === ProposalDecision.ACCEPTED;
    if (!accepted && !reason) throw badInput('A rejection says why, in reason.', 'reason');
    const existingChildId = input.existingChildId ? uuid(input.existingChildId, 'existingChildId') : null;
    if (existingChildId && !accepted) throw badInput('existingChildId goes with an acceptance only.', 'existingChildId');
    if (existingChildId && !(await ctx.loaders.childById.load(existingChildId))) throw notFound('Child', existingChildId);
    // Reviewed already (its copy may linger until education has taken it out of the set).
    if (await findReview(ctx.db, proposalId)) throw alreadyReviewed();
    const proposal = await findProposal(ctx.db, proposalId);
    if (!proposal) throw notFound('ChildProposal', proposalId);
    // Filing anew: the facts pass the registry's own checks again, so a bad form is refused, not filed.
    const child = accepted && !existingChildId ? this.childOf(proposal, ctx.principal.sub) : null;
    try {
      await ctx.db.transaction((em) =>
        createOnce(em, { principal: ctx.principal.sub, operation: 'reviewChildProposal', key: idempotencyKey, payload: input }, async () => {
          if (await findReview(em, proposalId)) throw alreadyReviewed();
          let childId: string | null = existingChildId;
          let alreadyRegistered = existingChildId !== null;
          if (child) {
            const filed = await insertChildOnce(em, child);
            // The ID is held by a child outside the reviewer's rows: a second file would split the child's record.
            if ('heldOutsideRows' in filed) {
              throw new DomainError(ErrorCode.CONFLICT, 'This national ID cannot be registered by you. Ask the civil-affairs registry office to check it.', {
                field: 'nationalId',
              });
            }
            childId = filed.id;
            alreadyRegistered = !filed.inserted;
            if (filed.inserted) {
              await this.fileFamily(em, proposal, ctx.principal.sub);
              // The registry holds children with a reason to be in it (seed 004 二): a form whose facts
              // make the child neither left-behind nor in difficulty is rejected, not filed.
              if (!(await childQualifies(em, filed.id))) throw notEligible();
            }
          }
          await insertReview(em, {
            proposalId,
            decision: input.decision,
            childId,
            alreadyRegistered,
            reason,
            householdRegionCode: proposal.householdRegionCode,
            residenceRegionCode: proposal.residenceRegionCode,
            reviewedBy: ctx.principal.sub,
          });
          return proposalId;
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyReviewed();
      throw err;
    }
    return (await findReview(ctx.db, proposalId))!;
  }

  private childOf(proposal: ProposalCopyRow, by: string): NewChild {
    const birthDate = pastDate(proposal.birthDate, 'birthDate');
    const adult = new Date();
    adult.setUTCFullYear(adult.getUTCFullYear() - MAX_AGE_YEARS);
    if (birthDate < isoDate(adult)) throw badInput('The proposed child is no longer a minor.', 'birthDate');
    let nationalIdEncrypted: string | null = null;
    let nationalIdHash: string | null = null;
    if (proposal.nationalId) {
      const facts = parseNationalId(proposal.nationalId);
      assertNationalIdMatches(facts, birthDate, proposal.gender);
      nationalIdEncrypted = this.cipher.encrypt(facts.value);
      nationalIdHash = this.cipher.lookupHash(facts.value);
    }
    return {
      // The id education gave the proposal's child, so that its access-log entries already name it.
      id: proposal.childId,
      name: requiredText(proposal.name, 'name', 50),
      gender: proposal.gender,
      birthDate,
      ethnicity: optionalText(proposal.ethnicity, 'ethnicity', 20),
      nationalIdEncrypted,
      nationalIdHash,
      householdRegionCode: countyCode(proposal.householdRegionCode, 'householdRegionCode'),
      householdVillage: optionalText(proposal.householdVillage, 'householdVillage', 100),
      residenceRegionCode: countyCode(proposal.residenceRegionCode, 'residenceRegionCode'),
      residenceVillage: optionalText(proposal.residenceVillage, 'residenceVillage', 100),
      // The school's form names villages, not their codes: the file is placed to the county until civil affairs adds the township.
      householdTownshipCode: null,
      householdVillageCode: null,
      residenceTownshipCode: null,
      residenceVillageCode: null,
      createdBy: by,
    };
  }

  /** The parents' whereabouts and the guardianship, as the school's form recorded them. */
  private async fileFamily(em: Parameters<typeof insertParent>[0], proposal: ProposalCopyRow, by: string): Promise<void> {
    if (proposal.father) await insertParent(em, toParentRow(proposal.childId, 'FATHER', proposal.father));
    if (proposal.mother) await insertParent(em, toParentRow(proposal.childId, 'MOTHER', proposal.mother));
    const guardian = proposal.guardian;
    if (guardian) {
      await insertGuardianship(em, {
        childId: proposal.childId,
        form: guardian.form,
        guardianName: optionalText(guardian.name, 'guardian.name', 50),
        guardianRelationship: optionalText(guardian.relationship, 'guardian.relationship', 30),
        guardianPhone: optionalPhone(guardian.phone, 'guardian.phone'),
        guardianAddress: optionalText(guardian.address, 'guardian.address', 200),
        guardianCapacity: null,
        since: today(),
        reportedToVillageOn: null,
        reportedToSchoolOn: null,
        recordedBy: by,
        version: 1,
      });
    }
  }
}
