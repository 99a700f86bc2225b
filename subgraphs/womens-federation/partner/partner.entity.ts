import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `partner_organization`. */
@Entity({ name: 'partner_organization' })
export class PartnerRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') type!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
