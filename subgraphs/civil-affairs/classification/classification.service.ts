import type { ClassificationRow } from './classification.entity';
import type { LeftBehindClassification, LeftBehindType } from './classification.type';

export function toClassification(row: ClassificationRow): LeftBehindClassification {
  return {
    type: row.leftBehindType as LeftBehindType,
    otherParentUnableToGuard: row.otherParentUnableToGuard,
    isLeftBehind: row.isLeftBehind,
    // The student-status system flags how many parents are away (0, 1, 2).
    studentStatusFlag: row.parentsAway,
  };
}
