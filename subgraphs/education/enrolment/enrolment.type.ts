import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED = 'TRANSFERRED',
  DROPPED_OUT = 'DROPPED_OUT',
  GRADUATED = 'GRADUATED',
}
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Where an enrolment stands.',
  valuesConfig: {
    ENROLLED: { description: '在读: currently at this school.' },
    SUSPENDED: { description: '休学: away from school for a time, keeping the place; back to ENROLLED on return.' },
    TRANSFERRED: { description: '转学: moved to another school; the records followed the child.' },
    DROPPED_OUT: { description: '辍学: left school (控辍保学 applies).' },
    GRADUATED: { description: '毕业.' },
  },
});

@ObjectType({ description: 'A child’s enrolment at a school (学籍).' })
export class Enrolment {
  @Field(() => ID, { description: 'Enrolment id.' })
  id!: string;

  @Field(() => Int, { description: 'Grade, 1 to 12 (年级).' })
  grade!: number;

  @Field(() => String, { nullable: true, description: 'Class (班级), e.g. 2班.' })
  className!: string | null;

  @Field(() => String, { nullable: true, description: '学籍号: national student number.' })
  studentNumber!: string | null;

  @Field({ description: 'True when the child boards at school (寄宿).' })
  boarding!: boolean;

  @Field(() => EnrolmentStatus, { description: 'Where the enrolment stands.' })
  status!: EnrolmentStatus;

  @Field(() => LocalDate, { description: 'First day at this school.' })
  enrolledOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day at this school; null while enrolled.' })
  endedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the status last changed (suspended, resumed, dropped out, graduated, transferred).' })
  statusChangedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as the school recorded it (e.g. 因病休学).' })
  statusReason!: string | null;

  @Field(() => Int, { description: 'Version of the record.' })
  version!: number;
}
