import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { AccessAction } from '../../shared/audit/access-log.type';
import {
  BULK_WRITE_DEADLINE_MS,
  importResult,
  readFormRows,
  rowProblem,
  RowsRefused,
  writeInOneTransaction,
  type FormFacts,
} from '../../shared/registration-form';
import type { RegistrationImportResult } from '../../shared/registration-form.types';
import { uuid } from '../../shared/validation';
import type { EducationContext } from '../context';
import type { ProposeChildrenInput } from './proposal-import.inputs';
import { insertProposals, proposalsOnFile, schoolReachable, type NewProposal, type ProposalOnFile } from './proposal-import.repository';

/** What a school's proposal records: the category of proposeChild. */
const WRITE_CATEGORY = 'edu:write';

/**
 * The keys by which a row repeats a proposal of the school: while pending, its national ID, or
 * (without one) its name, birth date and county of residence; once accepted (the form's identity
 * erased here), its name, gender and the birth month the registry publishes for the child filed.
 * A rejected proposal matches nothing: the school is told to propose again with corrected facts.
 */
function keysOnFile(proposals: ProposalOnFile[]): Set<string> {
  const keys = new Set<string>();
  for (const p of proposals) {
    if (p.status === 'PENDING' && p.nationalId) keys.add(`id:${p.nationalId}`);
    if (p.status === 'PENDING' && p.birthDate) keys.add(`person:${p.name}|${p.birthDate}|${p.residenceRegionCode}`);
    if (p.status === 'ACCEPTED' && p.birthMonth) keys.add(`filed:${p.name}|${p.gender}|${p.birthMonth}`);
  }
  return keys;
}

function repeats(keys: Set<string>, f: FormFacts): boolean {
  const pending = f.nationalId ? `id:${f.nationalId}` : `person:${f.name}|${f.birthDate}|${f.residenceRegionCode}`;
  return keys.has(pending) || keys.has(`filed:${f.name}|${f.gender}|${f.birthDate.slice(0, 7)}`);
}

/**
 * A school's registration forms proposed in bulk (建档申报, seed 003 附件 1): every row read and
 * checked first, then one proposal per new row, all in one savepoint of the request's
 * transaction and one statement. Civil affairs reviews each as it reviews proposeChild's.
 */
export class ProposalImportService {
  async propose(ctx: EducationContext, input: ProposeChildrenInput): Promise<RegistrationImportResult> {
    const schoolId = uuid(input.schoolId, 'input.schoolId');
    if (!(await ctx.loaders.schoolById.load(schoolId))) throw notFound('School', schoolId);
    if (!(await schoolReachable(ctx.db, schoolId))) {
      throw new DomainError(ErrorCode.OUTSIDE_JURISDICTION, 'You may propose children for your own school only.', { field: 'input.schoolId' });
    }
    const { valid, problems } = readFormRows(input.rows);
    await ctx.transaction.allowBulkWrite(BULK_WRITE_DEADLINE_MS);
    const keys = keysOnFile(await proposalsOnFile(ctx.db, schoolId, [...new Set(valid.map((f) => f.name))]));
    const fresh = valid.filter((f) => !repeats(keys, f));
    const result = importResult(input.rows.length, valid.length - fresh.length, problems);
    if (problems.length && !input.onlyValidRows) return result(false, 0);

    const proposals = new Map(fresh.map((facts) => [facts.line, this.proposalOf(facts, schoolId, ctx.principal.sub)]));
    const { written, refused } = await writeInOneTransaction(ctx.db, fresh, input.onlyValidRows, (em, rows) =>
      this.write(
        em,
        rows.map((facts) => ({ line: facts.line, proposal: proposals.get(facts.line)! })),
      ),
    );
    problems.push(...refused);
    if (!written) return result(false, 0);
    for (const facts of written) ctx.audit.record(proposals.get(facts.line)!.childId, WRITE_CATEGORY, AccessAction.WRITE);
    return result(true, written.length);
  }

  private async write(em: EntityManager, rows: { line: number; proposal: NewProposal }[]): Promise<void> {
    const inserted = await insertProposals(
      em,
      rows.map((row) => row.proposal),
    );
    // Another school's proposal for the ID awaits review: the answer names no school.
    const held = rows.filter((row) => !inserted.has(row.proposal.id));
    if (held.length) {
      throw new RowsRefused(
        held.map((row) => rowProblem(row.line, ErrorCode.CONFLICT, 'A proposal for this national ID is already awaiting review.', 'nationalId')),
      );
    }
  }

  private proposalOf(facts: FormFacts, schoolId: string, by: string): NewProposal {
    return {
      id: randomUUID(),
      // The registry id the child gets if civil affairs files it anew (as proposeChild gives).
      childId: randomUUID(),
      schoolId,
      name: facts.name,
      gender: facts.gender,
      className: facts.className,
      birthDate: facts.birthDate,
      ethnicity: facts.ethnicity,
      nationalId: facts.nationalId,
      householdRegionCode: facts.householdRegionCode,
      householdVillage: facts.householdVillage,
      residenceRegionCode: facts.residenceRegionCode,
      residenceVillage: facts.residenceVillage,
      father: facts.father,
      mother: facts.mother,
      guardian: facts.guardian,
      concerns: facts.concerns,
      createdBy: by,
    };
  }
}
