import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum CareRole {
  HEAD_TEACHER = 'HEAD_TEACHER',
  SUBJECT_TEACHER = 'SUBJECT_TEACHER',
  COUNSELLOR = 'COUNSELLOR',
  OTHER = 'OTHER',
}
registerEnumType(CareRole, {
  name: 'CareRole',
  description: 'The care-responsible person’s role at school.',
  valuesConfig: {
    HEAD_TEACHER: { description: '班主任.' },
    SUBJECT_TEACHER: { description: '任课教师 (often a woman teacher, 女教师).' },
    COUNSELLOR: { description: '心理健康教师.' },
    OTHER: { description: 'Other staff.' },
  },
});

@ObjectType({ description: '关爱责任人: the teacher responsible for a left-behind child’s care.' })
export class CareResponsiblePerson {
  @Field({ description: 'Teacher’s name.' })
  teacherName!: string;

  @Field(() => String, { nullable: true, description: 'Teacher’s phone, given to the parents and guardian.' })
  teacherPhone!: string | null;

  @Field(() => CareRole, { description: 'Role at school.' })
  role!: CareRole;

  @Field(() => LocalDate, { description: 'Responsible since.' })
  assignedOn!: string;
}
