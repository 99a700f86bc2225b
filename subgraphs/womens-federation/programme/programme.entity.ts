import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `programme`. */
@Entity({ name: 'programme' })
export class ProgrammeRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'partner_id' }) partnerId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('char', { name: 'township_code', length: 9, nullable: true }) townshipCode!: string | null;
  @Column('text', { nullable: true }) village!: string | null;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
