import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

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
