import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `enrolment` table: one stay of a child at a school. */
@Entity({ name: 'enrolment' })
export class EnrolmentRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('smallint') grade!: number;
  @Column('text', { name: 'class_name', nullable: true }) className!: string | null;
  @Column('text', { name: 'student_number', nullable: true }) studentNumber!: string | null;
  @Column('boolean') boarding!: boolean;
  @Column('text') status!: string;
  @Column('date', { name: 'enrolled_on' }) enrolledOn!: string;
  @Column('date', { name: 'ended_on', nullable: true }) endedOn!: string | null;
  @Column('date', { name: 'status_changed_on', nullable: true }) statusChangedOn!: string | null;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
