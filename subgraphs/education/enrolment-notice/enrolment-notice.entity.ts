import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `enrolment_notice`: the county's notice to enrol a school-age child who is not at school (入学通知书). */
@Entity({ name: 'enrolment_notice' })
export class EnrolmentNoticeRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'issued_on' }) issuedOn!: string;
  @Column('date', { name: 'report_by', nullable: true }) reportBy!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
