import { In, type EntityManager } from 'typeorm';
import { ClassificationRow } from './classification.entity';

export function findClassificationsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ClassificationRow[]> {
  return db.getRepository(ClassificationRow).findBy({ childId: In([...childIds]) });
}
