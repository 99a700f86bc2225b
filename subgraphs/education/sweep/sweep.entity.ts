import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `file_check`: a pupil's file re-checked in a term's sweep (排查, 一人一档). */
@Entity({ name: 'file_check' })
export class FileCheckRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('smallint', { name: 'term_year' }) termYear!: number;
  @Column('text', { name: 'term_season' }) termSeason!: string;
  @Column('date', { name: 'checked_on' }) checkedOn!: string;
  @Column('text', { name: 'checked_by' }) checkedBy!: string;
  @Column('text', { nullable: true }) findings!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
