import { In, type EntityManager } from 'typeorm';
import { ClassificationRow } from './classification.entity';
import type { LeftBehindClassification, LeftBehindType } from './classification.type';

export function findClassificationsByChildIds(db: EntityManager, childIds: readonly string[]): Promise<ClassificationRow[]> {
  return db.getRepository(ClassificationRow).findBy({ childId: In([...childIds]) });
}

export function toClassification(row: ClassificationRow): LeftBehindClassification {
  return {
    type: row.leftBehindType as LeftBehindType,
    otherParentUnableToGuard: row.otherParentUnableToGuard,
    isLeftBehind: row.isLeftBehind,
    // The student-status system flags how many parents are away (0, 1, 2).
    studentStatusFlag: row.parentsAway,
  };
}
