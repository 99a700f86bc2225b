import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `difficulty_category`: one difficult-circumstance category of a child, with its period. */
@Entity({ name: 'difficulty_category' })
export class DifficultyRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') category!: string;
  @Column('text') basis!: string;
  @Column('text') source!: string;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('text', { name: 'end_reason', nullable: true }) endReason!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
}
