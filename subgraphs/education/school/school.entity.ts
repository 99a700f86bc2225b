import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `school` table. */
@Entity({ name: 'school' })
export class SchoolRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('char', { name: 'township_code', length: 9, nullable: true }) townshipCode!: string | null;
  @Column('text', { nullable: true }) village!: string | null;
  @Column('text') type!: string;
  @Column('boolean') boarding!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
