import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@InputType({ description: 'One pupil’s absence on the day.' })
export class AbsenceEntryInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field({ description: 'True when excused (请假).' })
  excused!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, up to 200 characters.' })
  reason?: string | null;
}

@InputType({ description: 'The absences of one school day at one school: one pupil, or a whole class register at once.' })
export class RecordAbsencesInput {
  @Field(() => ID, { description: 'The school; every child must be enrolled there now.' })
  schoolId!: string;

  @Field(() => LocalDate, { description: 'The day.' })
  absentOn!: string;

  @Field(() => [AbsenceEntryInput], { description: 'The pupils absent that day, 1 to 100, each once.' })
  absences!: AbsenceEntryInput[];
}

@InputType({ description: 'Corrects a recorded absence (e.g. a sick note came later).' })
export class CorrectAbsenceInput {
  @Field(() => ID, { description: 'The absence.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is VERSION_CONFLICT and nothing changes.' })
  expectedVersion!: number;

  @Field({ description: 'True when excused.' })
  excused!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, up to 200 characters.' })
  reason?: string | null;
}
