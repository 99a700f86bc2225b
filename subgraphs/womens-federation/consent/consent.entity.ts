import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `consent`: a guardian's consent to share a child's data with a partner. */
@Entity({ name: 'consent' })
export class ConsentRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'partner_id' }) partnerId!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('text', { name: 'guardian_name' }) guardianName!: string;
  @Column('text', { name: 'guardian_relationship' }) guardianRelationship!: string;
  @Column('text', { array: true }) categories!: string[];
  @Column('text') purpose!: string;
  @Column('date', { name: 'given_on' }) givenOn!: string;
  @Column('date', { name: 'expires_on' }) expiresOn!: string;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoked_by', nullable: true }) revokedBy!: string | null;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
