import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `childrens_home`: a children's home (儿童之家) in a village or at a school, with its manager. */
@Entity({ name: 'childrens_home' })
export class ChildrensHomeRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('text', { nullable: true }) village!: string | null;
  @Column('text', { name: 'manager_name' }) managerName!: string;
  @Column('text', { name: 'manager_phone', nullable: true }) managerPhone!: string | null;
  @Column('date', { name: 'opened_on' }) openedOn!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
