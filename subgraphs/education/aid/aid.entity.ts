import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `aid_grant`: one kind of aid (资助) granted to a pupil for one term. */
@Entity({ name: 'aid_grant' })
export class AidGrantRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('smallint', { name: 'term_year' }) termYear!: number;
  @Column('text', { name: 'term_season' }) termSeason!: string;
  @Column('text') kind!: string;
  // numeric comes back from PostgreSQL as text; amounts are yuan with two decimals, safe as numbers.
  @Column('numeric', {
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: { to: (value: unknown) => value, from: (value: string | null) => (value === null ? null : Number(value)) },
  })
  amount!: number | null;
  @Column('date', { name: 'granted_on' }) grantedOn!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
