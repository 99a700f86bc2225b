import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `talk`: one heart-to-heart talk (谈心谈话) with a child. */
@Entity({ name: 'talk' })
export class TalkRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'child_id' }) childId!: string;
  @Column('date', { name: 'held_on' }) heldOn!: string;
  @Column('text', { name: 'held_by' }) heldBy!: string;
  @Column('text', { nullable: true }) summary!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
