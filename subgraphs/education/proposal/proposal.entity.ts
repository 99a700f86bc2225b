import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A parent as the school's form records them (父母外出情况). */
export interface ProposedParent {
  name: string | null;
  phone: string | null;
  workPlace: string | null;
  awaySince: string | null;
  unableToGuard: boolean;
  unableReason: string | null;
}

/** The actual guardian (实际监护人) and the guardianship form, as the school's form records them. */
export interface ProposedGuardian {
  form: string;
  name: string | null;
  relationship: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * A row of `child_proposal`: a school's proposal to file a child with the registry (建档申报), with
 * the facts of the registration form (seed 003, 附件 1); those beyond name, gender, class and
 * regions are erased once civil affairs has decided.
 */
@Entity({ name: 'child_proposal' })
export class ChildProposalRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('text') status!: string;
  @Column('text') name!: string;
  @Column('text') gender!: string;
  @Column('text', { name: 'class_name', nullable: true }) className!: string | null;
  @Column('date', { name: 'birth_date', nullable: true }) birthDate!: string | null;
  @Column('text', { nullable: true }) ethnicity!: string | null;
  @Column('text', { name: 'national_id', nullable: true }) nationalId!: string | null;
  @Column('char', { name: 'household_region_code', length: 6 }) householdRegionCode!: string;
  @Column('text', { name: 'household_village', nullable: true }) householdVillage!: string | null;
  @Column('char', { name: 'residence_region_code', length: 6 }) residenceRegionCode!: string;
  @Column('text', { name: 'residence_village', nullable: true }) residenceVillage!: string | null;
  @Column('jsonb', { nullable: true }) father!: ProposedParent | null;
  @Column('jsonb', { nullable: true }) mother!: ProposedParent | null;
  @Column('jsonb', { nullable: true }) guardian!: ProposedGuardian | null;
  @Column('text', { nullable: true }) concerns!: string | null;
  @Column('boolean', { name: 'already_registered', nullable: true }) alreadyRegistered!: boolean | null;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
