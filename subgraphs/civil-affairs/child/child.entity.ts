import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `child` table: the registry's record of one child. */
@Entity({ name: 'child' })
export class ChildRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') gender!: 'MALE' | 'FEMALE';
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text', { nullable: true }) ethnicity!: string | null;
  @Column('text', { name: 'national_id_encrypted', nullable: true }) nationalIdEncrypted!: string | null;
  @Column('text', { name: 'national_id_hash', nullable: true }) nationalIdHash!: string | null;
  @Column('char', { name: 'household_region_code', length: 6 }) householdRegionCode!: string;
  @Column('text', { name: 'household_village', nullable: true }) householdVillage!: string | null;
  @Column('char', { name: 'residence_region_code', length: 6 }) residenceRegionCode!: string;
  @Column('text', { name: 'residence_village', nullable: true }) residenceVillage!: string | null;
  @Column('text') status!: 'ACTIVE' | 'ARCHIVED';
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('timestamptz', { name: 'last_reviewed_at', nullable: true }) lastReviewedAt!: Date | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
