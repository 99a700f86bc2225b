import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `file_review`: one review (复核) of a child's file, an archiving or a reactivation. */
@Entity({ name: 'file_review' })
export class FileReviewRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') kind!: 'REVIEW' | 'ARCHIVE' | 'REACTIVATE';
  @Column('date', { name: 'reviewed_on' }) reviewedOn!: string;
  @Column('text') reviewer!: string;
  @Column('text', { name: 'archive_reason', nullable: true }) archiveReason!: string | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
