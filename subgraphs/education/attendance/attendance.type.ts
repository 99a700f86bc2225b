import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: '考勤: a school day the pupil missed.' })
export class Absence {
  @Field(() => ID, { description: 'Absence id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'The day missed.' })
  absentOn!: string;

  @Field({ description: 'True when excused (请假); an unexcused absence (旷课) opens a dropout case.' })
  excused!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, as far as the school knows.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Version of the record.' })
  version!: number;
}
