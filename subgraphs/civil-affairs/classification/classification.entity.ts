import { ViewColumn, ViewEntity } from 'typeorm';

/** A row of the `child_classification` view (defined in the migration, derived at query time). */
@ViewEntity({ name: 'child_classification', synchronize: false })
export class ClassificationRow {
  @ViewColumn({ name: 'child_id' }) childId!: string;
  @ViewColumn({ name: 'parents_away' }) parentsAway!: number;
  @ViewColumn({ name: 'other_parent_unable_to_guard' }) otherParentUnableToGuard!: boolean;
  @ViewColumn({ name: 'left_behind_type' }) leftBehindType!: string;
  @ViewColumn({ name: 'is_left_behind' }) isLeftBehind!: boolean;
}
