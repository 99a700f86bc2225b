import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `pairing`: a proxy parent or volunteer paired with a child. */
@Entity({ name: 'pairing' })
export class PairingRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'programme_id' }) programmeId!: string;
  @Column('text', { name: 'helper_name' }) helperName!: string;
  @Column('text', { name: 'helper_role' }) helperRole!: string;
  @Column('text', { name: 'helper_phone', nullable: true }) helperPhone!: string | null;
  @Column('date') since!: string;
  @Column('date', { nullable: true }) until!: string | null;
  @Column('text', { name: 'contact_frequency' }) contactFrequency!: string;
  @Column('text', { name: 'helper_occupation', nullable: true }) helperOccupation!: string | null;
  @Column('text', { name: 'end_reason', nullable: true }) endReason!: string | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
