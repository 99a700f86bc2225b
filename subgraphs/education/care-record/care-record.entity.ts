import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `home_visit`: a teacher's visit to the child's home (家访), e.g. a holiday safety visit. */
@Entity({ name: 'home_visit' })
export class HomeVisitRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'visited_on' }) visitedOn!: string;
  @Column('text') kind!: string;
  @Column('text') visitors!: string;
  @Column('text', { nullable: true }) findings!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `academic_support`: individual tutoring for a learning difficulty (学业辅导). */
@Entity({ name: 'academic_support' })
export class AcademicSupportRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('text') subject!: string;
  @Column('text') difficulty!: string;
  @Column('text') tutor!: string;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `boarding_leave`: a boarder's leave from school, granted after checking with the guardian. */
@Entity({ name: 'boarding_leave' })
export class BoardingLeaveRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'leaves_on' }) leavesOn!: string;
  @Column('date', { name: 'returns_on' }) returnsOn!: string;
  @Column('text') reason!: string;
  @Column('text', { name: 'guardian_name' }) guardianName!: string;
  @Column('text', { name: 'guardian_relationship' }) guardianRelationship!: string;
  @Column('text', { name: 'checked_via' }) checkedVia!: string;
  @Column('timestamptz', { name: 'checked_at' }) checkedAt!: Date;
  @Column('text', { name: 'approved_by' }) approvedBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
