import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';
import { AccessAction } from '../../shared/audit/access-log.type';
import { today } from '../../shared/dates';
import {
  importResult,
  BULK_WRITE_DEADLINE_MS,
  personKey,
  readFormRows,
  rowProblem,
  RowsRefused,
  writeInOneTransaction,
  type FormFacts,
} from '../../shared/registration-form';
import type { RegistrationImportResult } from '../../shared/registration-form.types';
import type { NewChild } from '../child/child.repository';
import type { CivilAffairsContext } from '../context';
import type { NationalIdCipher } from '../national-id-cipher';
import type { ImportChildrenInput } from './child-import.inputs';
import {
  admitNationalIdLookups,
  childIdsByNationalIdHash,
  childIdsByPerson,
  childrenNotQualifying,
  insertChildren,
  insertGuardianships,
  insertParents,
} from './child-import.repository';

const NOT_ELIGIBLE_MESSAGE =
  'The child has no reason to be in the registry: not left-behind under the national definition (under 16, both parents working outside the ' +
  'county for 3 months or more). Give both parents’ 外出时间, or register the child with its difficult-circumstance category (registerChild).';

/** What the registry writes for a child: the category of the registration itself. */
const WRITE_CATEGORY = 'child:write';

/** Whether the caller's jurisdiction reaches the row's finest known place of household or residence (as the row policy app_in_area decides). */
function inJurisdiction(principal: Principal, facts: FormFacts): boolean {
  if (principal.partner) return false;
  const places = [facts.householdTownshipCode ?? facts.householdRegionCode, facts.residenceTownshipCode];
  return places.some((place) => principal.jurisdiction.some((prefix) => place.startsWith(prefix)));
}

/**
 * Bulk registration from the registration forms (seed 003 附件 1) by civil affairs: every row is
 * read and checked first, then, if all are valid (or the caller asked for the valid ones only),
 * the new children, their parents and guardianship are written in one savepoint of the request's
 * transaction, a fixed number of statements whatever the number of rows. A row matches a child
 * already registered (and writes nothing) by national ID, or, without one, by name, birth date and
 * township of residence among the children without an ID; so importing a file twice registers
 * each child once.
 */
export class ChildImportService {
  constructor(
    private readonly cipher: NationalIdCipher,
    private readonly lookupsPerHour = 60,
  ) {}

  async import(ctx: CivilAffairsContext, input: ImportChildrenInput): Promise<RegistrationImportResult> {
    const { valid, problems } = readFormRows(input.rows);
    await ctx.transaction.allowBulkWrite(BULK_WRITE_DEADLINE_MS);
    const reachable = valid.filter((facts) => {
      if (inJurisdiction(ctx.principal, facts)) return true;
      problems.push(rowProblem(facts.line, ErrorCode.OUTSIDE_JURISDICTION, 'The child neither lives nor is registered in your jurisdiction.'));
      return false;
    });
    const hashOf = new Map(reachable.filter((f) => f.nationalId).map((f) => [f.line, this.cipher.lookupHash(f.nationalId!)]));
    const byHash = await childIdsByNationalIdHash(ctx.db, [...hashOf.values()]);
    const byPerson = await childIdsByPerson(
      ctx.db,
      reachable.filter((f) => !f.nationalId).map((f) => ({ name: f.name, birthDate: f.birthDate, township: f.residenceTownshipCode })),
    );
    const fresh = reachable.filter((f) => !(f.nationalId ? byHash.has(hashOf.get(f.line)!) : byPerson.has(personKey(f))));
    const result = importResult(input.rows.length, reachable.length - fresh.length, problems);
    if (problems.length && !input.onlyValidRows) return result(false, 0);

    // The registry ids the new children get, whichever pass writes them.
    const ids = new Map(fresh.map((facts) => [facts.line, randomUUID()]));
    const { written, refused } = await writeInOneTransaction(ctx.db, fresh, input.onlyValidRows, (em, rows) =>
      this.write(em, rows, (facts) => this.childOf(facts, ids.get(facts.line)!, ctx.principal.sub)),
    );
    problems.push(...refused);
    const heldOutsideRows = refused.filter((problem) => problem.code === ErrorCode.CONFLICT).length;
    if (heldOutsideRows) await this.admitProbes(ctx, heldOutsideRows);
    if (!written) return result(false, 0);
    for (const facts of written) ctx.audit.record(ids.get(facts.line)!, WRITE_CATEGORY, AccessAction.WRITE);
    return result(true, written.length);
  }

  /** Writes the new children, their parents and guardianship: four statements whatever the number of rows. */
  private async write(em: EntityManager, rows: FormFacts[], childOf: (facts: FormFacts) => NewChild): Promise<void> {
    const children = rows.map((facts) => ({ facts, child: childOf(facts) }));
    const inserted = await insertChildren(
      em,
      children.map(({ child }) => child),
    );
    // Held by a child outside the caller's rows (or registered meanwhile): a second file would split the child's record.
    const held = children.filter(({ child }) => !inserted.has(child.id));
    if (held.length) {
      throw new RowsRefused(
        held.map(({ facts }) =>
          rowProblem(
            facts.line,
            ErrorCode.CONFLICT,
            'This national ID cannot be registered by you. Ask the civil-affairs registry office to check it.',
            'nationalId',
          ),
        ),
      );
    }
    await insertParents(
      em,
      children.flatMap(({ facts, child }) =>
        (['father', 'mother'] as const).flatMap((who) =>
          facts[who] ? [{ childId: child.id, role: who === 'father' ? ('FATHER' as const) : ('MOTHER' as const), ...facts[who] }] : [],
        ),
      ),
    );
    await insertGuardianships(
      em,
      children.map(({ facts, child }) => ({
        childId: child.id,
        version: 1,
        form: facts.guardian.form,
        guardianName: facts.guardian.name,
        guardianRelationship: facts.guardian.relationship,
        guardianPhone: facts.guardian.phone,
        guardianAddress: facts.guardian.address,
        guardianCapacity: null,
        since: today(),
        reportedToVillageOn: null,
        reportedToSchoolOn: null,
        recordedBy: child.createdBy,
      })),
    );
    // The registry holds children with a reason to be in it (seed 004 二), derived from the stored facts as for registerChild.
    const notQualifying = await childrenNotQualifying(
      em,
      children.map(({ child }) => child.id),
    );
    if (notQualifying.size) {
      throw new RowsRefused(
        children.filter(({ child }) => notQualifying.has(child.id)).map(({ facts }) => rowProblem(facts.line, ErrorCode.NOT_ELIGIBLE, NOT_ELIGIBLE_MESSAGE)),
      );
    }
  }

  private childOf(facts: FormFacts, id: string, by: string): NewChild {
    return {
      id,
      name: facts.name,
      gender: facts.gender,
      birthDate: facts.birthDate,
      ethnicity: facts.ethnicity,
      nationalIdEncrypted: facts.nationalId ? this.cipher.encrypt(facts.nationalId) : null,
      nationalIdHash: facts.nationalId ? this.cipher.lookupHash(facts.nationalId) : null,
      householdRegionCode: facts.householdRegionCode,
      householdTownshipCode: facts.householdTownshipCode,
      householdVillage: facts.householdVillage,
      householdVillageCode: null,
      residenceRegionCode: facts.residenceRegionCode,
      residenceTownshipCode: facts.residenceTownshipCode,
      residenceVillage: facts.residenceVillage,
      residenceVillageCode: null,
      createdBy: by,
    };
  }

  /** IDs held outside the caller's rows are probes of the registry: logged and limited as look-ups by national ID are. */
  private async admitProbes(ctx: CivilAffairsContext, count: number): Promise<void> {
    if (await admitNationalIdLookups(ctx.db, ctx.principal, 'importChildren', this.lookupsPerHour, count)) return;
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many look-ups by national ID in the last hour (at most ${this.lookupsPerHour}). Try again later.`, {
      retryAfterSeconds: 3600,
    });
  }
}
