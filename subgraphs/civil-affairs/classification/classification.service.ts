import type { ClassificationRow } from './classification.entity';
import type { LeftBehindClassification, LeftBehindType } from './classification.type';

/** The classification as the API shows it (the view derives it; nothing here is stored). */
export function toClassification(row: ClassificationRow): LeftBehindClassification {
  return {
    type: row.leftBehindType as LeftBehindType,
    otherParentUnableToGuard: row.otherParentUnableToGuard,
    isLeftBehind: row.isLeftBehind,
    // The student-status system flags how many parents are away (0, 1, 2).
    studentStatusFlag: row.parentsAway,
  };
}
