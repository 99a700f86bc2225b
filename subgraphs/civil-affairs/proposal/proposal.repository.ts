import type { EntityManager } from 'typeorm';
import { ProposalReviewRow, type ProposalCopyRow } from './proposal.entity';

const COPY_COLUMNS = `p.proposal_id AS id, p.child_id AS "childId", p.school_id AS "schoolId", p.school_region_code AS "schoolRegionCode", p.name, p.gender,
  p.birth_date::text AS "birthDate", p.ethnicity, p.national_id AS "nationalId", p.household_region_code AS "householdRegionCode",
  p.household_village AS "householdVillage", p.residence_region_code AS "residenceRegionCode", p.residence_village AS "residenceVillage",
  p.class_name AS "className", p.father, p.mother, p.guardian, p.concerns, p.submitted_at AS "submittedAt"`;

/** The proposals of the caller's jurisdiction not reviewed yet (the copy keeps a reviewed one until education takes it out). */
const PENDING = `FROM proposal_feed.proposal p WHERE NOT EXISTS (SELECT 1 FROM child_proposal_review r WHERE r.proposal_id = p.proposal_id)`;

/** One page of them, in id order, and their count. */
export async function findPendingProposalPage(db: EntityManager, page: { afterId: string | null; limit: number }) {
  const [rows, [count]] = await Promise.all([
    db.query(`SELECT ${COPY_COLUMNS} ${PENDING} AND ($1::uuid IS NULL OR p.proposal_id > $1::uuid) ORDER BY p.proposal_id LIMIT $2`, [
      page.afterId,
      page.limit,
    ]) as Promise<ProposalCopyRow[]>,
    db.query(`SELECT count(*)::int AS n ${PENDING}`) as Promise<{ n: number }[]>,
  ]);
  return { rows, totalCount: count.n };
}

/** A proposal the caller may review; null when there is none in its jurisdiction. */
export async function findProposal(db: EntityManager, id: string): Promise<ProposalCopyRow | null> {
  const [row]: ProposalCopyRow[] = await db.query(`SELECT ${COPY_COLUMNS} FROM proposal_feed.proposal p WHERE p.proposal_id = $1`, [id]);
  return row ?? null;
}

export function findReview(db: EntityManager, proposalId: string): Promise<ProposalReviewRow | null> {
  return db.getRepository(ProposalReviewRow).findOneBy({ proposalId });
}

export async function insertReview(em: EntityManager, row: Omit<ProposalReviewRow, 'reviewedAt'>): Promise<void> {
  await em.getRepository(ProposalReviewRow).insert(row);
}

/** The registered children holding these national-ID hashes (among those the caller reaches). */
export function findChildIdsByNationalIdHashes(db: EntityManager, hashes: readonly string[]): Promise<{ id: string; hash: string }[]> {
  return db.query(`SELECT id, national_id_hash AS hash FROM child WHERE national_id_hash = ANY ($1::text[])`, [hashes]);
}
