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
  @Column('char', { name: 'household_township_code', length: 9, nullable: true }) householdTownshipCode!: string | null;
  @Column('char', { name: 'household_village_code', length: 12, nullable: true }) householdVillageCode!: string | null;
  @Column('char', { name: 'residence_region_code', length: 6 }) residenceRegionCode!: string;
  @Column('text', { name: 'residence_village', nullable: true }) residenceVillage!: string | null;
  @Column('char', { name: 'residence_township_code', length: 9, nullable: true }) residenceTownshipCode!: string | null;
  @Column('char', { name: 'residence_village_code', length: 12, nullable: true }) residenceVillageCode!: string | null;
  /**
   * Each place's province, city and county (the first 2, 4 and 6 digits of its finest code), set by
   * the database (migrations 1764700200000, 1764700450000) for an area's list; never read or written here.
   */
  @Column({ type: 'text', name: 'household_province', nullable: true, select: false, insert: false, update: false }) householdProvince?: string | null;
  @Column({ type: 'text', name: 'residence_province', nullable: true, select: false, insert: false, update: false }) residenceProvince?: string | null;
  @Column({ type: 'text', name: 'household_city', nullable: true, select: false, insert: false, update: false }) householdCity?: string | null;
  @Column({ type: 'text', name: 'residence_city', nullable: true, select: false, insert: false, update: false }) residenceCity?: string | null;
  @Column({ type: 'text', name: 'household_county', nullable: true, select: false, insert: false, update: false }) householdCounty?: string | null;
  @Column({ type: 'text', name: 'residence_county', nullable: true, select: false, insert: false, update: false }) residenceCounty?: string | null;
  @Column('text') status!: 'ACTIVE' | 'ARCHIVED';
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('text', { name: 'archive_reason', nullable: true }) archiveReason!: string | null;
  @Column('timestamptz', { name: 'last_reviewed_at', nullable: true }) lastReviewedAt!: Date | null;
  @Column('date', { name: 'last_reviewed_on', nullable: true }) lastReviewedOn!: string | null;
  @Column('text', { name: 'last_reviewed_by', nullable: true }) lastReviewedBy!: string | null;
  @Column('uuid', { name: 'child_director_id', nullable: true }) childDirectorId!: string | null;
  @Column('uuid', { name: 'child_supervisor_id', nullable: true }) childSupervisorId!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
