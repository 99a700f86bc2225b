import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `protection_report`: a mandatory protection report (强制报告) about a child. */
@Entity({ name: 'protection_report' })
export class ProtectionReportRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') category!: string;
  @Column('text') facts!: string;
  @Column('text', { name: 'reporter_sub' }) reporterSub!: string;
  @Column('text', { name: 'reporter_org' }) reporterOrg!: string;
  @Column('text', { name: 'reporter_name' }) reporterName!: string;
  @Column('text', { name: 'reporter_phone', nullable: true }) reporterPhone!: string | null;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('text', { name: 'notify_bodies', array: true }) notifyBodies!: string[];
  @Column('text') status!: 'FILED' | 'IN_PROGRESS' | 'CLOSED';
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('text', { name: 'outcome_notes', nullable: true }) outcomeNotes!: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy!: string | null;
  @Column('integer') version!: number;
}

/** A row of `protection_report_step`: one step in a report's handling. */
@Entity({ name: 'protection_report_step' })
export class ProtectionStepRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'report_id' }) reportId!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') action!: string;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('timestamptz', { name: 'taken_at' }) takenAt!: Date;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
}
