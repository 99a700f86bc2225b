import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of `activity`: something done for children or their families — an activity at a
 * children's home, a family-education session (家庭教育指导), a partner's programme activity or
 * home visit.
 */
@Entity({ name: 'activity' })
export class ActivityRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'held_on' }) heldOn!: string;
  @Column('char', { name: 'region_code', length: 6 }) regionCode!: string;
  @Column('uuid', { name: 'childrens_home_id', nullable: true }) childrensHomeId!: string | null;
  @Column('uuid', { name: 'programme_id', nullable: true }) programmeId!: string | null;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId!: string | null;
  @Column('text', { name: 'led_by' }) ledBy!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

/** A row of `activity_attendance`: a child, or a parent or guardian for the child, who attended. */
@Entity({ name: 'activity_attendance' })
export class ActivityAttendanceRow {
  @PrimaryColumn('uuid', { name: 'activity_id' }) activityId!: string;
  @PrimaryColumn('uuid', { name: 'child_id' }) childId!: string;
  @PrimaryColumn('text') attendee!: string;
  @Column('text', { name: 'attendee_name', nullable: true }) attendeeName!: string | null;
}
