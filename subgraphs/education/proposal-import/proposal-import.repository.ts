import type { EntityManager } from 'typeorm';
import { insertSet, type SetColumn } from '../../shared/batch-insert';
import type { ChildProposalRow } from '../proposal/proposal.entity';

/** A proposal of the school that a row of a new import may repeat: pending, or accepted (its form's facts erased, the registry's birth month beside). */
export interface ProposalOnFile {
  status: 'PENDING' | 'ACCEPTED';
  nationalId: string | null;
  name: string;
  gender: string;
  birthDate: string | null;
  residenceRegionCode: string;
  birthMonth: string | null;
}

/** The school's pending and accepted proposals naming any of these children, in one statement. */
export function proposalsOnFile(db: EntityManager, schoolId: string, names: readonly string[]): Promise<ProposalOnFile[]> {
  return db.query(
    `SELECT p.status, p.national_id AS "nationalId", p.name, p.gender, p.birth_date::text AS "birthDate",
            p.residence_region_code::text AS "residenceRegionCode", rc.birth_month AS "birthMonth"
       FROM child_proposal p LEFT JOIN registry_feed.child rc ON rc.child_id = p.child_id
      WHERE p.school_id = $1 AND p.status IN ('PENDING', 'ACCEPTED') AND p.name = ANY ($2::text[])`,
    [schoolId, names],
  );
}

/** Whether the caller reaches the school (its own, or one of its county's), as the proposals' row policy decides. */
export async function schoolReachable(db: EntityManager, schoolId: string): Promise<boolean> {
  const [row]: { reachable: boolean }[] = await db.query('SELECT app_school_reachable($1::uuid) AS reachable', [schoolId]);
  return row?.reachable === true;
}

const PROPOSAL_COLUMNS: SetColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'child_id', type: 'uuid' },
  { name: 'school_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'class_name', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'ethnicity', type: 'text' },
  { name: 'national_id', type: 'text' },
  { name: 'household_region_code', type: 'text' },
  { name: 'household_village', type: 'text' },
  { name: 'residence_region_code', type: 'text' },
  { name: 'residence_village', type: 'text' },
  { name: 'father', type: 'jsonb' },
  { name: 'mother', type: 'jsonb' },
  { name: 'guardian', type: 'jsonb' },
  { name: 'concerns', type: 'text' },
  { name: 'created_by', type: 'text' },
];

export type NewProposal = Omit<ChildProposalRow, 'status' | 'alreadyRegistered' | 'decisionReason' | 'decidedAt' | 'createdAt'>;

/** Inserts the proposals in one statement, skipping any whose national ID already awaits review (another school's): returns the ids inserted. */
export async function insertProposals(em: EntityManager, proposals: readonly NewProposal[]): Promise<Set<string>> {
  const inserted = await insertSet<{ id: string }>(
    em,
    'child_proposal',
    PROPOSAL_COLUMNS,
    proposals.map((p) => [
      p.id,
      p.childId,
      p.schoolId,
      p.name,
      p.gender,
      p.className,
      p.birthDate,
      p.ethnicity,
      p.nationalId,
      p.householdRegionCode,
      p.householdVillage,
      p.residenceRegionCode,
      p.residenceVillage,
      p.father,
      p.mother,
      p.guardian,
      p.concerns,
      p.createdBy,
    ]),
    `ON CONFLICT (national_id) WHERE status = 'PENDING' AND national_id IS NOT NULL DO NOTHING RETURNING id`,
  );
  return new Set(inserted.map((row) => row.id));
}
