import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of the `guardianship` table: who actually looks after the child, as recorded at one
 * moment. Every change is a new version; the child's current guardianship is its latest.
 */
@Entity({ name: 'guardianship' })
export class GuardianshipRow {
  @PrimaryColumn('uuid', { name: 'child_id' }) childId!: string;
  @PrimaryColumn('integer') version!: number;
  @Column('text') form!: string;
  @Column('text', { name: 'guardian_name', nullable: true }) guardianName!: string | null;
  @Column('text', { name: 'guardian_relationship', nullable: true }) guardianRelationship!: string | null;
  @Column('text', { name: 'guardian_phone', nullable: true }) guardianPhone!: string | null;
  @Column('text', { name: 'guardian_address', nullable: true }) guardianAddress!: string | null;
  @Column('text', { name: 'guardian_capacity', nullable: true }) guardianCapacity!: string | null;
  @Column('date') since!: string;
  @Column('date', { name: 'reported_to_village_on', nullable: true }) reportedToVillageOn!: string | null;
  @Column('date', { name: 'reported_to_school_on', nullable: true }) reportedToSchoolOn!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
}

/** A row of `reentrustment_notice`: the parents must re-entrust the child, open until a capable guardian is recorded. */
@Entity({ name: 'reentrustment_notice' })
export class ReentrustmentNoticeRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') cause!: 'VERIFICATION_FOUND_UNABLE' | 'GUARDIAN_RECORDED_UNABLE';
  @Column('integer', { name: 'guardianship_version' }) guardianshipVersion!: number;
  @Column('uuid', { name: 'verification_id', nullable: true }) verificationId!: string | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('text', { name: 'opened_by' }) openedBy!: string;
  @Column('date', { name: 'parents_notified_on', nullable: true }) parentsNotifiedOn!: string | null;
  @Column('text', { name: 'parents_notified_by', nullable: true }) parentsNotifiedBy!: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy!: string | null;
  @Column('integer', { name: 'closing_guardianship_version', nullable: true }) closingGuardianshipVersion!: number | null;
  @Column('integer') version!: number;
}
