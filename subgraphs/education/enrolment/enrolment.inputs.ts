import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { EnrolmentStatus } from './enrolment.type';

@InputType({ description: 'Enrols a child at a school. If the child is enrolled elsewhere, that enrolment ends as a transfer.' })
export class EnrolInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => Int, { description: 'Grade, 1 to 12.' })
  grade!: number;

  @Field(() => String, { nullable: true, description: 'Class, e.g. 2班.' })
  className?: string | null;

  @Field(() => String, { nullable: true, description: '学籍号.' })
  studentNumber?: string | null;

  @Field({ defaultValue: false, description: 'True when the child boards.' })
  boarding: boolean = false;

  @Field(() => LocalDate, { nullable: true, description: 'First day at the school; today when omitted.' })
  enrolledOn?: string | null;
}

@InputType({ description: 'Changes where an enrolment stands: suspension (休学) and return, dropout (辍学), graduation (毕业), each with its date.' })
export class ChangeEnrolmentStatusInput {
  @Field(() => ID, { description: 'The enrolment.' })
  enrolmentId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is VERSION_CONFLICT and nothing changes.' })
  expectedVersion!: number;

  @Field(() => EnrolmentStatus, {
    description: 'The new status: SUSPENDED or DROPPED_OUT or GRADUATED from ENROLLED; ENROLLED again from SUSPENDED or DROPPED_OUT (back at school).',
  })
  status!: EnrolmentStatus;

  @Field(() => LocalDate, { nullable: true, description: 'When it took effect; today when omitted. Not before the enrolment began, not in the future.' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, up to 200 characters.' })
  reason?: string | null;
}

@InputType({ description: 'Which pupils a working list (工作台账) shows; all conditions must hold.' })
export class PupilListFilter {
  @Field(() => ID, { nullable: true, description: 'Only this school’s pupils.' })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only children at least this old, in whole years (from the birth month the registry publishes).' })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only children at most this old.' })
  maxAge?: number | null;
}
