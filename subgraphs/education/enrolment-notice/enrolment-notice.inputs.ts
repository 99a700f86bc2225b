import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'A notice to enrol a school-age child who is not at school.' })
export class IssueEnrolmentNoticeInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The school the child is to attend.' })
  schoolId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When issued; today when omitted.' })
  issuedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day to report at school by.' })
  reportBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes, up to 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'Which school-age children not at school the list shows; all conditions must hold.' })
export class UnenrolledChildFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 prefix of the residence region.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only children at least this old.' })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only children at most this old.' })
  maxAge?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only children who have (true) or have not (false) been sent a notice.' })
  noticeIssued?: boolean | null;
}
