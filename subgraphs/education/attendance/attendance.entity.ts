import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `absence`: a pupil missing one school day, excused (请假) or not (旷课). */
@Entity({ name: 'absence' })
export class AbsenceRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'absent_on' }) absentOn!: string;
  @Column('boolean') excused!: boolean;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
