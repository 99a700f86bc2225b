import type { EntityManager } from 'typeorm';
import { workingListPage } from '../enrolment/enrolment.repository';
import { ChildProposalRow } from './proposal.entity';

/** One page of the proposals the caller reaches (its schools'), newest id order, and their count. */
export function findProposalPage(
  db: EntityManager,
  filter: { schoolId: string | null; status: string | null },
  page: { afterId: string | null; limit: number },
): Promise<{ rows: ChildProposalRow[]; totalCount: number }> {
  const query = () =>
    db
      .getRepository(ChildProposalRow)
      .createQueryBuilder('p')
      .where(filter.schoolId ? 'p.school_id = :schoolId' : 'true', { schoolId: filter.schoolId })
      .andWhere(filter.status ? 'p.status = :status' : 'true', { status: filter.status });
  return workingListPage(query, 'p.id', page);
}
