import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `care_worker`: a village child director (儿童主任) or a township child supervisor (儿童督导员). */
@Entity({ name: 'care_worker' })
export class CareWorkerRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') role!: 'CHILD_DIRECTOR' | 'CHILD_SUPERVISOR';
  @Column('text') name!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('char', { name: 'township_code', length: 9 }) townshipCode!: string;
  @Column('char', { name: 'village_code', length: 12, nullable: true }) villageCode!: string | null;
  @Column('text', { name: 'village_name', nullable: true }) villageName!: string | null;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
