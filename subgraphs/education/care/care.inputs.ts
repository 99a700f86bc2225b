import { Field, ID, InputType } from 'type-graphql';
import { CareRole } from './care.type';

@InputType({ description: 'Makes a teacher the child’s care-responsible person, replacing the previous one.' })
export class AssignCareTeacherInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The teacher’s school.' })
  schoolId!: string;

  @Field({ description: 'Teacher’s name.' })
  teacherName!: string;

  @Field(() => String, { nullable: true, description: 'Teacher’s phone.' })
  teacherPhone?: string | null;

  @Field(() => CareRole, { defaultValue: CareRole.HEAD_TEACHER, description: 'Role at school.' })
  role: CareRole = CareRole.HEAD_TEACHER;
}
