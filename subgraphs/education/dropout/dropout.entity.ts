import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `dropout_case`: one child's plan in the dropout-prevention ledger (控辍保学, 一人一案). */
@Entity({ name: 'dropout_case' })
export class DropoutCaseRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('text') cause!: string;
  @Column('date', { name: 'absent_since' }) absentSince!: string;
  @Column('date', { name: 'opened_on' }) openedOn!: string;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn!: string | null;
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('text', { name: 'closing_note', nullable: true }) closingNote!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `persuasion`: one attempt to bring the child back (劝返). */
@Entity({ name: 'persuasion' })
export class PersuasionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('date', { name: 'attempted_on' }) attemptedOn!: string;
  @Column('text') persuader!: string;
  @Column('text', { name: 'persuaded_by' }) persuadedBy!: string;
  @Column('text') outcome!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `dropout_escalation`: the case reported to the township government, the county bureau or the police. */
@Entity({ name: 'dropout_escalation' })
export class DropoutEscalationRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') target!: string;
  @Column('date', { name: 'reported_on' }) reportedOn!: string;
  @Column('text', { name: 'reported_by' }) reportedBy!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
