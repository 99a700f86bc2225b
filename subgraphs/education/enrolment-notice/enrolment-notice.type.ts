import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: '入学通知书: the county education bureau’s notice to enrol a school-age child who is not at school (seed 002).' })
export class EnrolmentNotice {
  @Field(() => ID, { description: 'Notice id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When it was issued.' })
  issuedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day to report at school by.' })
  reportBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (who delivered it, with the township).' })
  note!: string | null;
}

/** A row of the not-enrolled list: a registered child and its age. */
export interface UnenrolledChildRow {
  /** The child's registry id (the list's cursor). */
  id: string;
  /** The same id, so that reads of the row are logged against the child. */
  childId: string;
  ageYears: number;
}

@ObjectType({ description: 'A school-age left-behind or difficult-circumstance child with no open enrolment anywhere.' })
export class UnenrolledChild {
  @Field(() => Int, { description: 'Age in whole years (from the birth month the registry publishes).' })
  ageYears!: number;
}
