import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `guardianship` table: who actually looks after the child. */
@Entity({ name: 'guardianship' })
export class GuardianshipRow {
  @PrimaryColumn('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') form!: string;
  @Column('text', { name: 'guardian_name', nullable: true }) guardianName!: string | null;
  @Column('text', { name: 'guardian_relationship', nullable: true }) guardianRelationship!: string | null;
  @Column('text', { name: 'guardian_phone', nullable: true }) guardianPhone!: string | null;
  @Column('text', { name: 'guardian_address', nullable: true }) guardianAddress!: string | null;
  @Column('text', { name: 'guardian_capacity', nullable: true }) guardianCapacity!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('integer') version!: number;
}
