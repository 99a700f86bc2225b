import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum FileReviewKind {
  REVIEW = 'REVIEW',
  ARCHIVE = 'ARCHIVE',
  REACTIVATE = 'REACTIVATE',
}
registerEnumType(FileReviewKind, {
  name: 'FileReviewKind',
  description: 'What a file review did.',
  valuesConfig: {
    REVIEW: { description: '复核: the file was checked and stays active.' },
    ARCHIVE: { description: '存档备查: the child no longer qualifies; the file was archived (never deleted).' },
    REACTIVATE: { description: 'An archived file was made active again (the child qualifies again).' },
  },
});

export enum ArchiveReason {
  AGED_OUT = 'AGED_OUT',
  PARENTS_RETURNED = 'PARENTS_RETURNED',
  NO_LONGER_IN_DIFFICULTY = 'NO_LONGER_IN_DIFFICULTY',
  MOVED_AWAY = 'MOVED_AWAY',
  OTHER = 'OTHER',
}
registerEnumType(ArchiveReason, {
  name: 'ArchiveReason',
  description: 'Why a file was archived (seed 004: 对已不属于留守儿童困境儿童的，要将其档案资料妥善存档备查).',
  valuesConfig: {
    AGED_OUT: { description: 'Turned 16 (a left-behind child) or 18 (a child in difficult circumstances).' },
    PARENTS_RETURNED: { description: '父母返乡: the parents came home, so the child is no longer left-behind.' },
    NO_LONGER_IN_DIFFICULTY: { description: 'Its difficult-circumstance categories ended.' },
    MOVED_AWAY: { description: '随父母随迁: the child moved away with its parents.' },
    OTHER: { description: 'Another reason, given in the note.' },
  },
});

@ObjectType({ description: 'One review (复核) of a child’s file: who checked it on which day, or archived or reactivated it.' })
export class FileReview {
  @Field(() => ID, { description: 'Review id.' })
  id!: string;

  @Field(() => FileReviewKind, { description: 'A review, an archiving or a reactivation.' })
  kind!: FileReviewKind;

  @Field(() => LocalDate, { description: 'The day of the review.' })
  reviewedOn!: string;

  @Field({ description: 'Who recorded it (the user id from the identity provider).' })
  reviewer!: string;

  @Field(() => ArchiveReason, { nullable: true, description: 'For an archiving, why.' })
  archiveReason!: ArchiveReason | null;

  @Field(() => String, { nullable: true, description: 'What the reviewer noted.' })
  notes!: string | null;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}
