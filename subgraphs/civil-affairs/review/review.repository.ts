import { In, type EntityManager } from 'typeorm';
import { FileReviewRow } from './review.entity';

/** Data access for file reviews. */

export function findReviewsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<FileReviewRow[]> {
  return db.getRepository(FileReviewRow).find({ where: { childId: In([...childIds]) }, order: { reviewedOn: 'DESC', recordedAt: 'DESC' } });
}

export async function insertReview(em: EntityManager, review: Omit<FileReviewRow, 'recordedAt'>): Promise<void> {
  await em.getRepository(FileReviewRow).insert(review);
}
