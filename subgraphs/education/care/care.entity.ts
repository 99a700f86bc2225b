import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `care_assignment`: a teacher made responsible for a child's care. */
@Entity({ name: 'care_assignment' })
export class CareAssignmentRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('text', { name: 'teacher_name' }) teacherName!: string;
  @Column('text', { name: 'teacher_phone', nullable: true }) teacherPhone!: string | null;
  @Column('text') role!: string;
  @Column('date', { name: 'assigned_on' }) assignedOn!: string;
  @Column('date', { name: 'ended_on', nullable: true }) endedOn!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
