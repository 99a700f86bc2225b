import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `child_proposal_review`: civil affairs' decision on a school's proposal to file a child (审核). */
@Entity({ name: 'child_proposal_review' })
export class ProposalReviewRow {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('text') decision!: string;
  @Column('uuid', { name: 'child_id', nullable: true }) childId!: string | null;
  @Column('boolean', { name: 'already_registered' }) alreadyRegistered!: boolean;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('char', { name: 'household_region_code', length: 6 }) householdRegionCode!: string;
  @Column('char', { name: 'residence_region_code', length: 6 }) residenceRegionCode!: string;
  @Column('text', { name: 'reviewed_by' }) reviewedBy!: string;
  @Column('timestamptz', { name: 'reviewed_at' }) reviewedAt!: Date;
}

/** A parent or guardian as the school's form recorded them (a jsonb field of the proposal set). */
export interface ProposedPerson {
  name: string | null;
  phone: string | null;
}

/** A pending proposal as education publishes it (proposal_feed.proposal, a subscribed copy). */
export interface ProposalCopyRow {
  id: string;
  /** The registry id the child gets if filed anew. */
  childId: string;
  schoolId: string;
  schoolRegionCode: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string | null;
  nationalId: string | null;
  householdRegionCode: string;
  householdVillage: string | null;
  residenceRegionCode: string;
  residenceVillage: string | null;
  className: string | null;
  father: (ProposedPerson & { workPlace: string | null; awaySince: string | null; unableToGuard: boolean; unableReason: string | null }) | null;
  mother: (ProposedPerson & { workPlace: string | null; awaySince: string | null; unableToGuard: boolean; unableReason: string | null }) | null;
  guardian: (ProposedPerson & { form: string; relationship: string | null; address: string | null }) | null;
  concerns: string | null;
  submittedAt: Date;
}
