import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `parent_contact`: a call or video call between the child and its parents (亲情电话), and who arranged it. */
@Entity({ name: 'parent_contact' })
export class ParentContactRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('date', { name: 'contacted_on' }) contactedOn!: string;
  @Column('text') channel!: string;
  @Column('text') parent!: string;
  @Column('text', { name: 'arranged_by' }) arrangedBy!: string;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId!: string | null;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('smallint', { nullable: true }) minutes!: number | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
