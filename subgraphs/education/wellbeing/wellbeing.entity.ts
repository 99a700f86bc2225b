import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `wellbeing_screening`: a psychological screening (心理健康排查) and the risk it found. */
@Entity({ name: 'wellbeing_screening' })
export class WellbeingScreeningRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'screened_on' }) screenedOn!: string;
  @Column('text') instrument!: string;
  @Column('text', { name: 'risk_level' }) riskLevel!: string;
  @Column('text', { name: 'screened_by' }) screenedBy!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `wellbeing_intervention`: counselling or a referral (干预辅导). */
@Entity({ name: 'wellbeing_intervention' })
export class WellbeingInterventionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('uuid', { name: 'screening_id', nullable: true }) screeningId!: string | null;
  @Column('date', { name: 'started_on' }) startedOn!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'provided_by' }) providedBy!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `wellbeing_contact`: the parents or guardian told of a screening's finding (及时联系家长和受委托监护人). */
@Entity({ name: 'wellbeing_contact' })
export class WellbeingContactRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('uuid', { name: 'screening_id' }) screeningId!: string;
  @Column('date', { name: 'contacted_on' }) contactedOn!: string;
  @Column('text', { name: 'contacted_name' }) contactedName!: string;
  @Column('text') relationship!: string;
  @Column('text') channel!: string;
  @Column('text', { name: 'contacted_by' }) contactedBy!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
