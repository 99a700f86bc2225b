import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `benefit`: a welfare benefit paid for a child. */
@Entity({ name: 'benefit' })
export class BenefitRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('text') kind!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('integer', { name: 'amount_fen' }) amountFen!: number;
  @Column('text') frequency!: string;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('text', { name: 'granted_by' }) grantedBy!: string;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
}
