import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `guardianship_verification`: a visit by the township or village that checked the entrusted care. */
@Entity({ name: 'guardianship_verification' })
export class VerificationRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('integer', { name: 'guardianship_version' }) guardianshipVersion!: number;
  @Column('date', { name: 'visited_on' }) visitedOn!: string;
  @Column('text', { name: 'visitor_name' }) visitorName!: string;
  @Column('text', { name: 'visitor_level' }) visitorLevel!: string;
  @Column('text') method!: string;
  @Column('text') outcome!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
}
