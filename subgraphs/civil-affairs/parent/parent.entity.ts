import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `parent` table: one parent's whereabouts, the facts the classification rests on. */
@Entity({ name: 'parent' })
export class ParentRow {
  @PrimaryColumn('uuid', { name: 'child_id' }) childId!: string;
  @PrimaryColumn('text') role!: 'FATHER' | 'MOTHER';
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { name: 'work_place', nullable: true }) workPlace!: string | null;
  @Column('date', { name: 'away_since', nullable: true }) awaySince!: string | null;
  @Column('boolean', { name: 'unable_to_guard' }) unableToGuard!: boolean;
  @Column('text', { name: 'unable_reason', nullable: true }) unableReason!: string | null;
}
